// What saving would do: each mapping added or removed with its group's size, and the people whose roles change.
import type { MappingPreview } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { RoleChangesTable } from './role-changes-table';

export function MappingPreviewPanel({ preview, roleName }: { preview: MappingPreview; roleName: (key: string) => string }) {
  const n = preview.usersChanged;
  return (
    <div className="space-y-3" aria-live="polite">
      <Alert
        tone={n > 0 ? 'info' : 'success'}
        title={n > 0 ? `${n.toLocaleString('en-US')} ${n === 1 ? 'user' : 'users'} will get different roles` : 'No user’s roles will change'}
      >
        <ul className="space-y-1">
          {preview.changes.length === 0 ? <li>Everyone in no mapped group gets the new default role.</li> : null}
          {preview.changes.map((c) => (
            <li key={`${c.kind}${c.groupId}${c.roleKey}`}>
              <Badge tone={c.kind === 'added' ? 'success' : 'danger'}>{c.kind === 'added' ? 'Add' : 'Remove'}</Badge> <strong>{c.groupName}</strong> →{' '}
              <strong>{roleName(c.roleKey)}</strong>{' '}
              <span className="text-slate-700">
                ({c.members.toLocaleString('en-US')} member{c.members === 1 ? '' : 's'} affected)
              </span>
            </li>
          ))}
        </ul>
      </Alert>
      {preview.users.length > 0 ? <RoleChangesTable users={preview.users} roleName={roleName} /> : null}
      {n > preview.users.length ? (
        <p className="text-sm text-slate-600">
          Showing the first {preview.users.length} of {n.toLocaleString('en-US')} users.
        </p>
      ) : null}
    </div>
  );
}
