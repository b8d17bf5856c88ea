// The host's roles, which customers' admins map their IdP groups to in the portal.
import type { RoleRow } from '@/lib/roles/roles';
import { EmptyState } from '../ui/empty-state';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { TimeText } from './time-text';

export function RolesTable({ roles }: { roles: Pick<RoleRow, 'id' | 'key' | 'name' | 'description' | 'createdAt'>[] }) {
  if (roles.length === 0) return <EmptyState title="No roles yet" description="Create the roles your app understands; organizations then map their groups to them." />;
  return (
    <Table caption="Roles">
      <THead>
        <Th>Key</Th>
        <Th>Name</Th>
        <Th>Description</Th>
        <Th>Created</Th>
      </THead>
      <TBody>
        {roles.map((r) => (
          <tr key={r.id}>
            <Td>
              <code className="whitespace-nowrap font-mono text-xs text-slate-900">{r.key}</code>
            </Td>
            <Td className="font-medium text-slate-900">{r.name}</Td>
            <Td>{r.description ?? <span className="text-slate-500">—</span>}</Td>
            <Td>
              <TimeText iso={r.createdAt.toISOString()} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
