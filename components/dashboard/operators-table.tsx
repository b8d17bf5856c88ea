'use client';
// The host's operators; each but yourself can be removed after a confirmation.
import type { ActionResult } from '@/lib/operators/operator-action';
import type { OperatorSummary } from '@/lib/operators/operator-admin';
import { Badge } from '../ui/badge';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { ConfirmAction } from './confirm-action';
import { TimeText } from './time-text';

export function OperatorsTable({
  operators,
  selfId,
  remove,
}: {
  operators: OperatorSummary[];
  selfId: string;
  remove: (id: string) => Promise<ActionResult<unknown>>;
}) {
  return (
    <Table caption="Operators">
      <THead>
        <Th>Email</Th>
        <Th className="hidden sm:table-cell">Added</Th>
        <Th>Signed in</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {operators.map((o) => (
          <tr key={o.id}>
            <Td className="break-all font-medium text-slate-900">
              {o.email} {o.id === selfId ? <Badge tone="info">You</Badge> : null}
            </Td>
            <Td className="hidden sm:table-cell">
              <TimeText iso={o.createdAt} />
            </Td>
            <Td>
              {o.activeSessions > 0 ? (
                <Badge tone="success">{o.activeSessions === 1 ? '1 session' : `${o.activeSessions} sessions`}</Badge>
              ) : (
                <span className="text-slate-600">No</span>
              )}
            </Td>
            <Td className="text-right">
              {o.id === selfId ? null : <ConfirmAction label={`Remove ${o.email}`} confirmLabel={`Confirm removing ${o.email}`} run={() => remove(o.id)} />}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
