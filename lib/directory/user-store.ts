// Prisma reads of directory users for the portal and host API (writes are SQL programs: user-sql.ts).
import type { Tx } from '../db/client';
import type { UserRow } from './user-row';

export type { UserRow } from './user-row';

export function findUser(db: Tx, { directoryId, id }: { directoryId: string; id: string }): Promise<UserRow | null> {
  return db.directoryUser.findFirst({ where: { id, directoryId } });
}

/** The directory's users (a quota's count: lib/scim/storage-bounds.ts reads it rarely, not per create). */
export function countUsers(db: Tx, { directoryId }: { directoryId: string }): Promise<number> {
  return db.directoryUser.count({ where: { directoryId } });
}

/** The groups of each user, for the readOnly `groups` attribute; one query for a whole page of users. */
export async function groupsOfUsers(
  db: Tx,
  { directoryId, userIds }: { directoryId: string; userIds: string[] },
): Promise<Map<string, { id: string; displayName: string }[]>> {
  const out = new Map<string, { id: string; displayName: string }[]>();
  if (userIds.length === 0) return out;
  // By user id, tenant-checked on the group (see fast-queries.ts: a directoryId filter here makes SQLite walk the
  // directory's memberships).
  const rows = await db.groupMembership.findMany({
    where: { userId: { in: userIds }, group: { directoryId } },
    select: { userId: true, group: { select: { id: true, displayName: true } } },
    orderBy: [{ userId: 'asc' }, { groupId: 'asc' }],
  });
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push(r.group);
    out.set(r.userId, list);
  }
  return out;
}
