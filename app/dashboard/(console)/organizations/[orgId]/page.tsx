// GET /dashboard/organizations/{orgId}: one organization: its directories with health, counts and tokens' last use,
// its latest events, "Open portal", rename and delete; its provisioning policy.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrganizationView } from '@/components/dashboard/organization-view';
import { PolicySettings } from '@/components/dashboard/policy-settings';
import { organizationDetail } from '@/lib/operators/organization-detail';
import { requireOperator } from '@/lib/operators/session';
import { toApiPolicy } from '@/lib/policy/policy-api';
import { policyOf } from '@/lib/policy/policy-admin';
import { changeDirectoryAction, deleteOrganizationAction, openPortalAction, updateOrganizationAction } from '../../../_actions/organization-actions';
import { updatePolicyAction } from '../../../_actions/policy-actions';

export const metadata: Metadata = { title: 'Organization' };

export default async function OrganizationPage({ params }: { params: Promise<{ orgId: string }> }) {
  const operator = await requireOperator();
  const { orgId } = await params;
  const org = await organizationDetail({ hostId: operator.hostId, id: orgId });
  if (!org) notFound();
  const policy = toApiPolicy(org.id, await policyOf(operator.hostId, org.id));
  return (
    <>
      <OrganizationView
        org={org}
        actions={{ openPortal: openPortalAction, update: updateOrganizationAction, remove: deleteOrganizationAction, changeDirectory: changeDirectoryAction }}
      />
      <div className="mt-6">
        <PolicySettings policy={policy} update={updatePolicyAction} />
      </div>
    </>
  );
}
