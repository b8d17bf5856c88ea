// GET /dashboard/audit: the host's audit log, newest first, filterable by action, actor and organization, with the
// actors and organizations by name. Portal-link entries are left out unless asked for: they are most of the log.
import type { Metadata } from 'next';
import { AuditFilters } from '@/components/dashboard/audit-filters';
import { AuditTable } from '@/components/dashboard/audit-table';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { Card } from '@/components/ui/card';
import { auditPage } from '@/lib/operators/audit-page';
import { requireOperator } from '@/lib/operators/session';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const operator = await requireOperator();
  const page = await auditPage(operator.hostId, await searchParams);
  return (
    <>
      <PageHeader title="Audit log" description="Admin actions by operators, API keys, organizations' admins in the portal, and the command line." />
      <Card>
        <AuditFilters filter={page.filter} actors={page.actorChoices} actions={page.actions} />
        <AuditTable rows={page.rows} olderHref={page.olderHref} />
      </Card>
    </>
  );
}
