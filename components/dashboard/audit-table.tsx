// The audit log: who did what to which object, and when, with actors and organizations by name. Details hold ids,
// names and last four characters, never secrets.
import Link from 'next/link';
import { buttonClass } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { TimeText } from './time-text';

export interface AuditRowView {
  id: string;
  actor: string;
  actorName: string;
  action: string;
  target: string | null;
  organizationId: string | null;
  organizationName: string | null;
  details: string | null;
  createdAt: string;
}

export function AuditTable({ rows, olderHref }: { rows: AuditRowView[]; olderHref: string | null }) {
  if (rows.length === 0)
    return <EmptyState title="No audit entries match" description="Organization, directory, token, role, mapping, key and operator changes appear here." />;
  return (
    <>
      <Table caption="Audit log">
        <THead>
          <Th>Action</Th>
          <Th>Actor</Th>
          <Th className="hidden md:table-cell">Organization</Th>
          <Th>Time</Th>
        </THead>
        <TBody>
          {rows.map((r) => (
            <tr key={r.id}>
              <Td>
                <span className="block break-all font-medium text-slate-900">{r.action}</span>
                {r.target ? <code className="block break-all font-mono text-xs text-slate-600">{r.target}</code> : null}
              </Td>
              <Td className="break-words">
                <span title={r.actor}>{r.actorName}</span>
              </Td>
              <Td className="hidden md:table-cell">
                {r.organizationId ? (
                  <Link href={`/dashboard/organizations/${r.organizationId}`} className="rounded underline-offset-4 hover:underline focus-ring">
                    {r.organizationName ?? r.organizationId}
                  </Link>
                ) : (
                  '—'
                )}
              </Td>
              <Td>
                <TimeText iso={r.createdAt} />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {olderHref ? (
        <nav aria-label="Pagination" className="border-t border-slate-200 px-4 py-3">
          <Link href={olderHref} className={buttonClass('secondary', 'sm')}>
            Older entries
          </Link>
        </nav>
      ) : null}
    </>
  );
}
