// What saving a group selection would do to the app's view: groups appearing and disappearing with their sizes, and
// the people whose roles change.
import type { GroupSelectionPreview } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { RoleChangesTable } from '../roles/role-changes-table';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function GroupSelectionPreviewPanel({ preview, roleName }: { preview: GroupSelectionPreview; roleName?: (key: string) => string }) {
  const { appearing, disappearing, roleChanges } = preview;
  const nothing = appearing.count + disappearing.count === 0;
  const rows = [...appearing.groups.map((g) => ({ ...g, kind: 'appear' as const })), ...disappearing.groups.map((g) => ({ ...g, kind: 'disappear' as const }))];
  return (
    <div className="space-y-3" aria-live="polite">
      <Alert tone={nothing ? 'success' : 'info'} title={nothing ? 'The app will receive the same groups' : 'What the app will receive'}>
        <ul className="space-y-1">
          {appearing.count > 0 ? <li>{plural(appearing.count, 'group', 'groups')} will appear, with their members</li> : null}
          {disappearing.count > 0 ? <li>{plural(disappearing.count, 'group', 'groups')} will disappear, with their members</li> : null}
          {preview.runsInBackground ? (
            <li>More than 20,000 memberships move: once saved, the change runs in the background and users’ roles change as it goes</li>
          ) : (
            <li>{roleChanges.count > 0 ? `${plural(roleChanges.count, 'user', 'users')} will get different roles` : 'No user’s roles will change'}</li>
          )}
        </ul>
      </Alert>
      {rows.length > 0 ? (
        <Table caption="Groups that change">
          <THead>
            <Th>Group</Th>
            <Th>Change</Th>
            <Th className="text-right">Members</Th>
          </THead>
          <TBody>
            {rows.map((g) => (
              <tr key={g.id}>
                <Td className="font-medium text-slate-900">{g.displayName}</Td>
                <Td>{g.kind === 'appear' ? <Badge tone="success">Appears</Badge> : <Badge tone="danger">Disappears</Badge>}</Td>
                <Td className="text-right tabular-nums">{g.memberCount.toLocaleString('en-US')}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      {roleChanges.users.length > 0 ? <RoleChangesTable users={roleChanges.users} roleName={roleName} /> : null}
      {roleChanges.count > roleChanges.users.length ? (
        <p className="text-sm text-slate-600">
          Showing the first {roleChanges.users.length} of {roleChanges.count.toLocaleString('en-US')} users.
        </p>
      ) : null}
    </div>
  );
}
