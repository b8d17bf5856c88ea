// The people whose roles a change would move, with their roles now and after saving (mapping and group selection
// previews).
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { TagList } from '../users/user-cells';

export interface RoleChangeRow {
  id: string;
  userName: string;
  displayName?: string | null;
  before: string[];
  after: string[];
}

export function RoleChangesTable({ users, roleName = (k) => k }: { users: RoleChangeRow[]; roleName?: (key: string) => string }) {
  const names = (keys: string[]) => keys.map(roleName);
  return (
    <Table caption="Users whose roles change">
      <THead>
        <Th>User</Th>
        <Th>Roles now</Th>
        <Th>Roles after saving</Th>
      </THead>
      <TBody>
        {users.map((u) => (
          <tr key={u.id}>
            <Td>
              <span className="font-medium text-slate-900">{u.displayName ?? u.userName}</span>
              {u.displayName ? <span className="block text-xs text-slate-600">{u.userName}</span> : null}
            </Td>
            <Td>
              <TagList items={names(u.before)} empty="No role" />
            </Td>
            <Td>
              <TagList items={names(u.after)} empty="No role" />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
