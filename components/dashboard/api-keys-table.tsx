// The host's API keys: never the secret, only its last four characters to tell keys apart.
import type { ActionResult } from '@/lib/operators/operator-action';
import type { ApiKeySummary } from '@/lib/operators/api-key-admin';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/empty-state';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { ConfirmAction } from './confirm-action';
import { TimeText } from './time-text';

// A server action: bound to a key id here, it stays one (a closure could not cross to the client component).
type Revoke = (id: string) => Promise<ActionResult<{ id: string }>>;

export function ApiKeysTable({ keys, revoke }: { keys: ApiKeySummary[]; revoke: Revoke }) {
  if (keys.length === 0) return <EmptyState title="No API keys yet" description="Create one above; your application uses it to call the host API." />;
  return (
    <Table caption="API keys">
      <THead>
        <Th>Name</Th>
        <Th>Key</Th>
        <Th>Created</Th>
        <Th>Last used</Th>
        <Th>Status</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {keys.map((k) => (
          <tr key={k.id}>
            <Td className="font-medium text-slate-900">{k.name}</Td>
            <Td>
              <code className="whitespace-nowrap font-mono text-xs">…{k.lastFour}</code>
            </Td>
            <Td>
              <TimeText iso={k.createdAt} />
            </Td>
            <Td>
              <TimeText iso={k.lastUsedAt} empty="Never" />
            </Td>
            <Td>
              {k.revokedAt ? (
                <span className="flex flex-col gap-1">
                  <Badge tone="danger">Revoked</Badge>
                  <span className="text-xs">
                    <TimeText iso={k.revokedAt} />
                  </span>
                </span>
              ) : (
                <Badge tone="success">Active</Badge>
              )}
            </Td>
            <Td className="text-right">
              {/* Revoking is immediate and cannot be undone: a second, explicit click. */}
              {k.revokedAt ? null : (
                <ConfirmAction
                  label="Revoke"
                  confirmLabel="Confirm revoke"
                  names={{ open: `Revoke ${k.name}`, confirm: `Confirm revoke ${k.name}` }}
                  run={revoke.bind(null, k.id)}
                />
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
