// Keyset-paginated reads of a directory's users, groups and members, for the host API and the portal.
import type { Tx } from '../db/client';
import { afterCursor } from '../organizations/organizations';
import type { GroupRow } from './group-store';
import type { UserRow } from './user-store';

export interface Page<T> {
  rows: T[];
  /** The last row's sort key when there may be more. */
  next: { createdAt: Date; id: string } | null;
}

function page<T extends { createdAt: Date; id: string }>(rows: T[], limit: number): Page<T> {
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}

export async function pageUsers(
  db: Tx,
  { directoryId, groupId, limit, after }: { directoryId: string; groupId?: string; limit: number; after?: { createdAt: Date; id: string } | null },
): Promise<Page<UserRow>> {
  const rows = await db.directoryUser.findMany({
    where: {
      directoryId,
      ...(groupId ? { memberships: { some: { groupId } } } : {}),
      ...(after ? afterCursor(after) : {}),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  return page(rows, limit);
}

export async function pageGroups(
  db: Tx,
  { directoryId, limit, after }: { directoryId: string; limit: number; after?: { createdAt: Date; id: string } | null },
): Promise<Page<GroupRow>> {
  const rows = await db.directoryGroup.findMany({
    where: { directoryId, ...(after ? afterCursor(after) : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  return page(rows, limit);
}

/** Member counts of several groups in one query. */
export async function memberCounts(db: Tx, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db.groupMembership.groupBy({ by: ['groupId'], where: { groupId: { in: groupIds } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.groupId, r._count._all]));
}
