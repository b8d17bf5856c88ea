// GET /dashboard/audit: the host's audit log, newest first.
import type { Metadata } from 'next';
import { AuditTable } from '@/components/dashboard/audit-table';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { Card } from '@/components/ui/card';
import { listAudit } from '@/lib/audit/audit-log';
import { getDb } from '@/lib/db/client';
import { requireOperator } from '@/lib/operators/session';

export const metadata: Metadata = { title: 'Audit log' };

const SHOWN = 200;

export default async function AuditPage() {
  const operator = await requireOperator();
  const rows = await listAudit(await getDb(), { hostId: operator.hostId, take: SHOWN });
  return (
    <>
      <PageHeader title="Audit log" description={`Admin actions by API keys, operators, portal sessions and the CLI: the latest ${SHOWN}.`} />
      <Card>
        <AuditTable
          rows={rows.map((r) => ({ id: r.id, actor: r.actor, action: r.action, target: r.target, organizationId: r.organizationId, createdAt: r.createdAt.toISOString() }))}
        />
      </Card>
    </>
  );
}
