// Cells shared by the users table and the group members table.
import Link from 'next/link';
import type { PortalUser } from '@/lib/client/types';
import { Badge } from '../ui/badge';

export function displayName(u: Pick<PortalUser, 'displayName' | 'givenName' | 'familyName' | 'userName'>): string {
  return u.displayName || [u.givenName, u.familyName].filter(Boolean).join(' ') || u.userName;
}

export function UserNameCell({ directoryId, user }: { directoryId: string; user: PortalUser }) {
  return (
    <Link href={`/portal/scim/${directoryId}/users/${user.id}`} className="rounded font-medium text-slate-900 underline-offset-4 hover:underline focus-ring">
      {displayName(user)}
    </Link>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>;
}

export function TagList({ items, empty = '—' }: { items: string[]; empty?: string }) {
  if (items.length === 0) return <span className="text-slate-500">{empty}</span>;
  const shown = items.slice(0, 3);
  return (
    <span className="flex flex-wrap gap-1">
      {shown.map((i) => (
        <Badge key={i} tone="info">
          {i}
        </Badge>
      ))}
      {items.length > shown.length ? <Badge>+{items.length - shown.length}</Badge> : null}
    </span>
  );
}
