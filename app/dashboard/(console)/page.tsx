// GET /dashboard: the host's organizations with their directories' state, "Create organization", "Open portal".
import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateOrganizationForm } from '@/components/dashboard/create-organization-form';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { OrganizationCard } from '@/components/dashboard/organization-card';
import { buttonClass } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/lib/db/client';
import { organizationOverview } from '@/lib/operators/organization-overview';
import { requireOperator } from '@/lib/operators/session';
import { createOrganizationAction, openPortalAction } from '../_actions/organization-actions';

export const metadata: Metadata = { title: 'Organizations' };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const operator = await requireOperator();
  const { after } = await searchParams;
  const { organizations, nextAfter } = await organizationOverview(await getDb(), { hostId: operator.hostId, after });
  return (
    <>
      <PageHeader title="Organizations" description="Your customers. Each one's admin sets up directory sync in the portal; open it here to see what they see." />
      <Card className="mb-6">
        <CardBody>
          <CreateOrganizationForm action={createOrganizationAction} />
        </CardBody>
      </Card>
      {organizations.length === 0 ? (
        <Card>
          <EmptyState title={after ? 'No more organizations' : 'No organizations yet'} description="Create one above, or from your app with POST /api/v1/organizations." />
        </Card>
      ) : (
        <div className="space-y-4">
          {organizations.map((org) => (
            <OrganizationCard key={org.id} org={org} openPortal={openPortalAction} />
          ))}
        </div>
      )}
      {after || nextAfter ? (
        <nav aria-label="Pagination" className="mt-6 flex justify-between gap-2">
          {after ? (
            <Link href="/dashboard" className={buttonClass('secondary', 'sm')}>
              First page
            </Link>
          ) : (
            <span />
          )}
          {nextAfter ? (
            <Link href={`/dashboard?after=${encodeURIComponent(nextAfter)}`} className={buttonClass('secondary', 'sm')}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
