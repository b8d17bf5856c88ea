// Hot-path reads of users and groups through lib/db/fast-read.ts, returning the same row shapes as the Prisma
// queries they stand in for (user-store.ts), so serialisation is shared.
import { asDate, asStr, fastAll, fastDialect } from '../db/fast-read';
import { noIndex } from '../db/sql-program';
import { ROLE_CONFIG_COLUMNS, roleConfigOf } from '../roles/recompute-roles';
import { GROUP_COLUMNS_OF_G, toGroupRow, type GroupWithRoles } from './group-sql';
import { groupsJsonColumn, parseGroups, type GroupRef } from './user-json-columns';
import { USER_COLUMNS_OF_U, toUserRow, type UserRow } from './user-row';

/** How the SCIM hot path looks one user up: by id, or by userName (the unique (directoryId, userNameLower) index). */
export type UserLookup = { id: string } | { userName: string };

export interface FoundUser {
  row: UserRow;
  groups: GroupRef[];
}

/** The user's columns and, when asked for, its groups; for a query whose user table is aliased `u`. */
function userSelect(withGroups: boolean): string {
  return withGroups ? `${USER_COLUMNS_OF_U}, ${groupsJsonColumn(fastDialect())}` : USER_COLUMNS_OF_U;
}

const lookupValue = (by: UserLookup): string => ('id' in by ? by.id : by.userName.toLowerCase());

function foundUser(r: Record<string, unknown> | undefined, withGroups: boolean): FoundUser | null {
  if (!r || r.id === null || r.id === undefined) return null;
  return { row: toUserRow(r), groups: withGroups ? parseGroups(r.groupsJson) : [] };
}

/** GET /Users/{id} and `userName eq "x"`: the user and, when asked for, its groups. */
export async function findUserFast(directoryId: string, by: UserLookup, withGroups: boolean): Promise<FoundUser | null> {
  const where = 'id' in by ? 'u."id" = ? AND u."directoryId" = ?' : 'u."userNameLower" = ? AND u."directoryId" = ?';
  const rows = await fastAll(`SELECT ${userSelect(withGroups)} FROM "DirectoryUser" u WHERE ${where}`, [lookupValue(by), directoryId]);
  return foundUser(rows[0], withGroups);
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

const TOKEN_COLUMNS = `t."id" AS "tokenId", t."directoryId" AS "tokenDirectoryId", t."hash", t."expiresAt", t."revokedAt", d."status", d."organizationId", o."hostId"`;
const TOKEN_FROM = `"DirectoryToken" t JOIN "Directory" d ON d."id" = t."directoryId" JOIN "Organization" o ON o."id" = d."organizationId"`;

function tokenRow(r: Record<string, unknown> | undefined): FastTokenRow | null {
  if (!r) return null;
  return {
    id: asStr(r.tokenId),
    directoryId: asStr(r.tokenDirectoryId),
    hash: asStr(r.hash),
    expiresAt: r.expiresAt === null ? null : asDate(r.expiresAt),
    revokedAt: r.revokedAt === null ? null : asDate(r.revokedAt),
    status: asStr(r.status),
    organizationId: asStr(r.organizationId),
    hostId: asStr(r.hostId),
  };
}

export async function tokenByHashFast(hash: string): Promise<FastTokenRow | null> {
  const rows = await fastAll(`SELECT ${TOKEN_COLUMNS} FROM ${TOKEN_FROM} WHERE t."hash" = ?`, [hash]);
  return tokenRow(rows[0]);
}

/** The token row for a hash, and the row read with it in the same query (null when there is none). */
export interface TokenAnd<T> {
  token: FastTokenRow | null;
  found: T | null;
}

/**
 * The token row for `hash` and, in the same query, the user `by` names in the token's own directory — one round
 * trip on PostgreSQL for Okta's and Entra's commonest requests. The caller still decides whether the token is
 * valid for the directory in the URL, and discards the user when it is not.
 */
export async function tokenAndUserFast(
  hash: string,
  by: UserLookup,
  withGroups: boolean,
): Promise<TokenAnd<FoundUser>> {
  // By id: the primary key, the directory checked after (a directoryId term would let SQLite walk the directory).
  const on = 'id' in by ? `u."id" = ? AND ${noIndex('u."directoryId"', fastDialect())} = t."directoryId"` : 'u."userNameLower" = ? AND u."directoryId" = t."directoryId"';
  const rows = await fastAll(
    `SELECT ${TOKEN_COLUMNS}, ${userSelect(withGroups)} FROM ${TOKEN_FROM} LEFT JOIN "DirectoryUser" u ON ${on} WHERE t."hash" = ?`,
    [lookupValue(by), hash],
  );
  return { token: tokenRow(rows[0]), found: foundUser(rows[0], withGroups) };
}

/**
 * The token row for `hash` and, in the same query, the group `groupId` of the token's own directory with that
 * directory's role configuration: what a membership PATCH reads before it writes, in one round trip with the token
 * check. As with tokenAndUserFast, the caller discards the group when the token is not valid for the URL's directory.
 */
export async function tokenAndGroupFast(hash: string, groupId: string): Promise<TokenAnd<GroupWithRoles>> {
  const rows = await fastAll(
    `SELECT ${TOKEN_COLUMNS}, ${GROUP_COLUMNS_OF_G}, ${ROLE_CONFIG_COLUMNS} FROM ${TOKEN_FROM}
     LEFT JOIN "DirectoryGroup" g ON g."id" = ? AND g."directoryId" = t."directoryId" WHERE t."hash" = ?`,
    [groupId, hash],
  );
  const r = rows[0];
  return { token: tokenRow(r), found: r && r.id != null ? { row: toGroupRow(r), roles: roleConfigOf(r) } : null };
}
