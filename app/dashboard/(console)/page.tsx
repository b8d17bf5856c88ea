// GET /dashboard: the host's organizations, newest first, searchable and paged; "Create organization".
import type { Metadata } from 'next';
import { CreateOrganizationForm } from '@/components/dashboard/create-organization-form';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { OrganizationsTable } from '@/components/dashboard/organizations-table';
import { Card, CardBody } from '@/components/ui/card';
import { organizationOverview } from '@/lib/operators/organization-overview';
import { requireOperator } from '@/lib/operators/session';
import { createOrganizationAction } from '../_actions/organization-actions';

export const metadata: Metadata = { title: 'Organizations' };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const operator = await requireOperator();
  const { q, page } = await searchParams;
  const query = typeof q === 'string' ? q.slice(0, 200) : '';
  const result = await organizationOverview({ hostId: operator.hostId, q: query, page: Number(page) || 1 });
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Your customers, newest first. Each one's admin sets up directory sync in the portal; open an organization to see what they see."
      />
      <Card className="mb-6">
        <CardBody>
          <CreateOrganizationForm action={createOrganizationAction} />
        </CardBody>
      </Card>
      <OrganizationsTable q={query} {...result} />
    </>
  );
}
