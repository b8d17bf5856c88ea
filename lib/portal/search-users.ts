// The portal's user table: keyset pages (pageUsers) when there is no query; with one, prefix matches on the
// lower-cased, indexed columns (userName, email, family name) and a substring match on the display name. No
// count of the whole directory per keystroke: the table pages with "Next" instead of page numbers.
import { dialect, type Tx } from '../db/client';
import { pageUsers, type Page } from '../directory/directory-queries';
import type { UserRow } from '../directory/user-store';
import { afterCursor } from '../organizations/organizations';
import { likeFilter } from '../scim/filter/like';

export async function searchUsers(
  db: Tx,
  { directoryId, query, limit, after }: { directoryId: string; query: string; limit: number; after?: { createdAt: Date; id: string } | null },
): Promise<Page<UserRow>> {
  const q = query.trim().toLowerCase();
  if (!q) return pageUsers(db, { directoryId, limit, after });
  // `%` and `_` are literal (Prisma's LIKE does not escape them): prefixes exactly through likeFilter, and the
  // display-name substring checked again below, since SQLite's LIKE has no escape Prisma can use.
  const prefix = likeFilter('sw', q, dialect());
  const found = await db.directoryUser.findMany({
    where: {
      directoryId,
      AND: [
        {
          OR: [
            { userNameLower: prefix },
            { emailLower: prefix },
            { givenNameLower: prefix },
            { familyNameLower: prefix },
            { displayNameLower: likeFilter('co', q, dialect()) },
          ],
        },
        // Both conditions are ORs: AND keeps the keyset condition from replacing the search one.
        after ? afterCursor(after) : {},
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: limit + 1,
  });
  const more = found.length > limit;
  const page = more ? found.slice(0, limit) : found;
  const last = page[page.length - 1];
  const literal = (u: UserRow) =>
    [u.userNameLower, u.emailLower, u.givenNameLower, u.familyNameLower].some((v) => v?.startsWith(q)) || Boolean(u.displayNameLower?.includes(q));
  return { rows: page.filter(literal), next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}
