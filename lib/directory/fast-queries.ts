// Hot-path reads of users and groups through lib/db/fast-read.ts, returning the same row shapes as the Prisma
// queries they stand in for (user-store.ts), so serialisation is shared.
import { asDate, asStr, fastAll, fastDialect } from '../db/fast-read';
import { groupsJsonColumn, parseGroups, type GroupRef } from './user-json-columns';
import { USER_COLUMNS_OF_U, toUserRow, type UserRow } from './user-row';

/** GET /Users/{id} and `userName eq "x"` (by the unique (directoryId, userNameLower) index): the user and, when asked for, its groups. */
export async function findUserFast(
  directoryId: string,
  by: { id: string } | { userName: string },
  withGroups: boolean,
): Promise<{ row: UserRow; groups: GroupRef[] } | null> {
  const extra = withGroups ? `, ${groupsJsonColumn(fastDialect())}` : '';
  const where = 'id' in by ? 'u."id" = ? AND u."directoryId" = ?' : 'u."userNameLower" = ? AND u."directoryId" = ?';
  const rows = await fastAll(`SELECT ${USER_COLUMNS_OF_U}${extra} FROM "DirectoryUser" u WHERE ${where}`, ['id' in by ? by.id : by.userName.toLowerCase(), directoryId]);
  if (!rows[0]) return null;
  return { row: toUserRow(rows[0]), groups: withGroups ? parseGroups(rows[0].groupsJson) : [] };
}

export async function groupsOfUsersFast(directoryId: string, userIds: string[]): Promise<Map<string, { id: string; displayName: string }[]>> {
  const out = new Map<string, { id: string; displayName: string }[]>();
  if (userIds.length === 0) return out;
  const marks = userIds.map(() => '?').join(', ');
  const rows = await fastAll(
    // By user id (its own index), tenant-checked on the group: filtering memberships by directoryId lets SQLite's
    // planner pick that index and walk every membership of the directory (50,000 for one big group).
    `SELECT m."userId", g."id", g."displayName" FROM "GroupMembership" m JOIN "DirectoryGroup" g ON g."id" = m."groupId"
     WHERE m."userId" IN (${marks}) AND g."directoryId" = ? ORDER BY m."userId", m."groupId"`,
    [...userIds, directoryId],
  );
  for (const r of rows) {
    const list = out.get(asStr(r.userId)) ?? [];
    list.push({ id: asStr(r.id), displayName: asStr(r.displayName) });
    out.set(asStr(r.userId), list);
  }
  return out;
}

export interface FastTokenRow {
  id: string;
  directoryId: string;
  hash: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: string;
  organizationId: string;
  hostId: string;
}

export async function tokenByHashFast(hash: string): Promise<FastTokenRow | null> {
  const rows = await fastAll(
    `SELECT t."id", t."directoryId", t."hash", t."expiresAt", t."revokedAt", d."status", d."organizationId", o."hostId"
     FROM "DirectoryToken" t JOIN "Directory" d ON d."id" = t."directoryId" JOIN "Organization" o ON o."id" = d."organizationId"
     WHERE t."hash" = ?`,
    [hash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: asStr(r.id),
    directoryId: asStr(r.directoryId),
    hash: asStr(r.hash),
    expiresAt: r.expiresAt === null ? null : asDate(r.expiresAt),
    revokedAt: r.revokedAt === null ? null : asDate(r.revokedAt),
    status: asStr(r.status),
    organizationId: asStr(r.organizationId),
    hostId: asStr(r.hostId),
  };
}
