// GET /dashboard/organizations/{orgId}: one organization: its directories with health, counts and tokens' last use,
// its latest events, "Open portal", rename and delete.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrganizationView } from '@/components/dashboard/organization-view';
import { organizationDetail } from '@/lib/operators/organization-detail';
import { requireOperatorContext } from '@/lib/operators/session';
import { changeDirectoryAction, deleteOrganizationAction, openPortalAction, updateOrganizationAction } from '../../../_actions/organization-actions';

export const metadata: Metadata = { title: 'Organization' };

export default async function OrganizationPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { operator, db } = await requireOperatorContext();
  const { orgId } = await params;
  const org = await organizationDetail(db, { hostId: operator.hostId, id: orgId });
  if (!org) notFound();
  return (
    <OrganizationView
      org={org}
      actions={{ openPortal: openPortalAction, update: updateOrganizationAction, remove: deleteOrganizationAction, changeDirectory: changeDirectoryAction }}
    />
  );
}
