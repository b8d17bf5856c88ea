// Hot-path reads of users and groups through lib/db/fast-read.ts, returning the same row shapes as the Prisma
// queries they stand in for (user-store.ts), so serialisation is shared.
import { asDate, asStr, fastAll } from '../db/fast-read';
import { USER_COLUMNS, toUserRow, type UserRow } from './user-row';

export async function findUserFast(directoryId: string, id: string): Promise<UserRow | null> {
  const rows = await fastAll(`SELECT ${USER_COLUMNS} FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?`, [id, directoryId]);
  return rows[0] ? toUserRow(rows[0]) : null;
}

/** `userName eq "x"`: at most one row, by the unique (directoryId, userNameLower) index. */
export async function findUserByUserNameFast(directoryId: string, userName: string): Promise<UserRow | null> {
  const rows = await fastAll(`SELECT ${USER_COLUMNS} FROM "DirectoryUser" WHERE "directoryId" = ? AND "userNameLower" = ?`, [
    directoryId,
    userName.toLowerCase(),
  ]);
  return rows[0] ? toUserRow(rows[0]) : null;
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
