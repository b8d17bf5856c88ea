// Groups of a directory for the portal: keyset pages, optionally narrowed by a display-name prefix.
import { dialect, type Tx } from '../db/client';
import { pageGroups, type Page } from '../directory/directory-queries';
import type { GroupRow } from '../directory/group-store';
import { afterCursor } from '../organizations/organizations';
import { likeFilter } from '../scim/filter/like';

export async function searchGroups(
  db: Tx,
  { directoryId, query, limit, after }: { directoryId: string; query: string; limit: number; after?: { createdAt: Date; id: string } | null },
): Promise<Page<GroupRow>> {
  const q = query.trim().toLowerCase();
  if (!q) return pageGroups(db, { directoryId, limit, after });
  const rows = await db.directoryGroup.findMany({
    // `%` and `_` literal: escaped on PostgreSQL, checked again below for SQLite (its LIKE has no escape here).
    where: { directoryId, displayNameLower: likeFilter('co', q, dialect()), ...(after ? afterCursor(after) : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out.filter((g) => g.displayNameLower.includes(q)), next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}
