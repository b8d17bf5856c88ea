// The portal's user table: keyset pages (pageUsers) when there is no query; with one, prefix matches on the
// lower-cased, indexed columns (userName, email, family name) and a substring match on the display name. No
// count of the whole directory per keystroke: the table pages with "Next" instead of page numbers.
import type { Tx } from '../db/client';
import { pageUsers, type Page } from '../directory/directory-queries';
import type { UserRow } from '../directory/user-store';
import { afterCursor } from '../organizations/organizations';

export async function searchUsers(
  db: Tx,
  { directoryId, query, limit, after }: { directoryId: string; query: string; limit: number; after?: { createdAt: Date; id: string } | null },
): Promise<Page<UserRow>> {
  const q = query.trim().toLowerCase();
  if (!q) return pageUsers(db, { directoryId, limit, after });
  const rows = await db.directoryUser.findMany({
    where: {
      directoryId,
      AND: [
        {
          OR: [
            { userNameLower: { startsWith: q } },
            { emailLower: { startsWith: q } },
            { givenNameLower: { startsWith: q } },
            { familyNameLower: { startsWith: q } },
            { displayNameLower: { contains: q } },
          ],
        },
        // Both conditions are ORs: AND keeps the keyset condition from replacing the search one.
        after ? afterCursor(after) : {},
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}
