// GET /dashboard/organizations/{orgId}: one organization: its directories with health, counts and tokens' last use,
// its latest events, "Open portal", rename and delete.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrganizationView } from '@/components/dashboard/organization-view';
import { getDb } from '@/lib/db/client';
import { organizationDetail } from '@/lib/operators/organization-detail';
import { requireOperator } from '@/lib/operators/session';
import { changeDirectoryAction, deleteOrganizationAction, openPortalAction, updateOrganizationAction } from '../../../_actions/organization-actions';

export const metadata: Metadata = { title: 'Organization' };

export default async function OrganizationPage({ params }: { params: Promise<{ orgId: string }> }) {
  const operator = await requireOperator();
  const { orgId } = await params;
  const org = await organizationDetail(await getDb(), { hostId: operator.hostId, id: orgId });
  if (!org) notFound();
  return (
    <OrganizationView
      org={org}
      actions={{ openPortal: openPortalAction, update: updateOrganizationAction, remove: deleteOrganizationAction, changeDirectory: changeDirectoryAction }}
    />
  );
}
