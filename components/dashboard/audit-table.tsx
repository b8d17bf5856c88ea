// The audit log: who did what to which object, and when. Details hold ids and last four characters, never secrets.
import { EmptyState } from '../ui/empty-state';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { TimeText } from './time-text';

export interface AuditRowView {
  id: string;
  actor: string;
  action: string;
  target: string | null;
  organizationId: string | null;
  createdAt: string;
}

export function AuditTable({ rows }: { rows: AuditRowView[] }) {
  if (rows.length === 0) return <EmptyState title="No audit entries yet" description="Key changes, token changes, mapping changes and portal links appear here." />;
  return (
    <Table caption="Audit log">
      <THead>
        <Th>Time</Th>
        <Th>Actor</Th>
        <Th>Action</Th>
        <Th>Target</Th>
        <Th>Organization</Th>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td>
              <TimeText iso={r.createdAt} />
            </Td>
            <Td>
              <code className="whitespace-nowrap font-mono text-xs">{r.actor}</code>
            </Td>
            <Td className="whitespace-nowrap font-medium text-slate-900">{r.action}</Td>
            <Td>
              <code className="whitespace-nowrap font-mono text-xs">{r.target ?? '—'}</code>
            </Td>
            <Td>
              <code className="whitespace-nowrap font-mono text-xs">{r.organizationId ?? '—'}</code>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
