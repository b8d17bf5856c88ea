// What saving would do: each mapping added or removed with its group's size, and the people whose roles change.
import type { MappingPreview } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { TagList } from '../users/user-cells';

export function MappingPreviewPanel({ preview, roleName }: { preview: MappingPreview; roleName: (key: string) => string }) {
  const names = (keys: string[]) => keys.map(roleName);
  const n = preview.usersChanged;
  return (
    <div className="space-y-3" aria-live="polite">
      <Alert tone={n > 0 ? 'info' : 'success'} title={n > 0 ? `${n.toLocaleString('en-US')} ${n === 1 ? 'user' : 'users'} will get different roles` : 'No user’s roles will change'}>
        <ul className="space-y-1">
          {preview.changes.length === 0 ? <li>Everyone in no mapped group gets the new default role.</li> : null}
          {preview.changes.map((c) => (
            <li key={`${c.kind}${c.groupId}${c.roleKey}`}>
              <Badge tone={c.kind === 'added' ? 'success' : 'danger'}>{c.kind === 'added' ? 'Add' : 'Remove'}</Badge>{' '}
              <strong>{c.groupName}</strong> → <strong>{roleName(c.roleKey)}</strong>{' '}
              <span className="text-slate-700">
                ({c.members.toLocaleString('en-US')} member{c.members === 1 ? '' : 's'} affected)
              </span>
            </li>
          ))}
        </ul>
      </Alert>
      {preview.users.length > 0 ? (
        <Table caption="Users whose roles change">
          <THead>
            <Th>User</Th>
            <Th>Roles now</Th>
            <Th>Roles after saving</Th>
          </THead>
          <TBody>
            {preview.users.map((u) => (
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
      ) : null}
      {n > preview.users.length ? <p className="text-sm text-slate-600">Showing the first {preview.users.length} of {n.toLocaleString('en-US')} users.</p> : null}
    </div>
  );
}
