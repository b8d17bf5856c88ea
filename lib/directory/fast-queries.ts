// Hot-path reads of users and groups through lib/db/fast-read.ts, returning the same row shapes as the Prisma
// queries they stand in for (user-store.ts), so serialisation is shared.
import type { Dialect } from '../db/client';
import { asDate, asStr, fastAll, fastBatched, fastDialect } from '../db/fast-read';
import { BATCH_N, batchKeys, type BatchableRead } from '../db/pg-read-batch';
import { noIndex } from '../db/sql-program';
import { ROLE_CONFIG_COLUMNS, roleConfigOf } from '../roles/recompute-roles';
import { GROUP_COLUMNS_OF_G, toGroupRow, type GroupWithRoles } from './group-sql';
import { groupsJsonColumn, parseGroups, type GroupRef } from './user-json-columns';
import { READ_COLUMNS_OF_U, toUserReadRow, type UserReadRow } from './user-row';

/** How the SCIM hot path looks one user up: by id, or by userName (the unique (directoryId, userNameLower) index). */
export type UserLookup = { id: string } | { userName: string };

export interface FoundUser {
  row: UserReadRow;
  groups: GroupRef[];
}

/** What a response needs of the user and, when asked for, its groups; for a query whose user table is aliased `u`. */
function userSelect(withGroups: boolean, dialect: Dialect = fastDialect()): string {
  return withGroups ? `${READ_COLUMNS_OF_U}, ${groupsJsonColumn(dialect)}` : READ_COLUMNS_OF_U;
}

const lookupValue = (by: UserLookup): string => ('id' in by ? by.id : by.userName.toLowerCase());

function foundUser(r: Record<string, unknown> | undefined, withGroups: boolean): FoundUser | null {
  if (!r || r.id === null || r.id === undefined) return null;
  return { row: toUserReadRow(r), groups: withGroups ? parseGroups(r.groupsJson) : [] };
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
const TOKEN_JOINS = `JOIN "Directory" d ON d."id" = t."directoryId" JOIN "Organization" o ON o."id" = d."organizationId"`;

/**
 * The token row for a hash and, in the same query, what `select` reads of the row `join` finds by a key in the
 * token's own directory: keys [key, hash] (just [hash] without a join). Batched on PostgreSQL (pg-read-batch.ts).
 */
function tokenAnd(select: string, join: ((key: string) => string) | null): BatchableRead {
  const columns = select ? `${TOKEN_COLUMNS}, ${select}` : TOKEN_COLUMNS;
  const joined = (key: string) => (join ? ` ${join(key)}` : '');
  return {
    one: `SELECT ${columns} FROM "DirectoryToken" t ${TOKEN_JOINS}${joined('?')} WHERE t."hash" = ?`,
    many: `SELECT ${BATCH_N}, ${columns} FROM ${batchKeys(join ? ['key', 'hash'] : ['hash'])}
      JOIN "DirectoryToken" t ON t."hash" = k."hash" ${TOKEN_JOINS}${joined('k."key"')}`,
  };
}

/** Each statement built once per dialect: a query's text is then one string, hashed once where it is looked up. */
const reads = new Map<string, BatchableRead>();
function cachedRead(name: string, build: (dialect: Dialect) => BatchableRead): BatchableRead {
  const dialect = fastDialect();
  const key = `${dialect} ${name}`;
  let read = reads.get(key);
  if (!read) reads.set(key, (read = build(dialect)));
  return read;
}

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
  const rows = await fastBatched(cachedRead('token', () => tokenAnd('', null)), [hash]);
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
export function tokenAndUserFast(hash: string, by: UserLookup, withGroups: boolean): Promise<TokenAnd<FoundUser>> {
  const read = cachedRead(`user ${'id' in by ? 'id' : 'userName'} ${withGroups}`, (dialect) =>
    tokenAnd(userSelect(withGroups, dialect), (key) =>
      // By id: the primary key, the directory checked after (a directoryId term would let SQLite walk the directory).
      'id' in by
        ? `LEFT JOIN "DirectoryUser" u ON u."id" = ${key} AND ${noIndex('u."directoryId"', dialect)} = t."directoryId"`
        : `LEFT JOIN "DirectoryUser" u ON u."userNameLower" = ${key} AND u."directoryId" = t."directoryId"`,
    ),
  );
  // .then, not async/await: one promise fewer on the hot path (readyDb in db/client.ts says why that counts).
  return fastBatched(read, [lookupValue(by), hash]).then((rows) => ({ token: tokenRow(rows[0]), found: foundUser(rows[0], withGroups) }));
}

/**
 * The token row for `hash` and, in the same query, the group `groupId` of the token's own directory with that
 * directory's role configuration: what a membership PATCH reads before it writes, in one round trip with the token
 * check. As with tokenAndUserFast, the caller discards the group when the token is not valid for the URL's directory.
 */
export function tokenAndGroupFast(hash: string, groupId: string): Promise<TokenAnd<GroupWithRoles>> {
  const read = cachedRead('group', () =>
    tokenAnd(`${GROUP_COLUMNS_OF_G}, ${ROLE_CONFIG_COLUMNS}`, (key) => `LEFT JOIN "DirectoryGroup" g ON g."id" = ${key} AND g."directoryId" = t."directoryId"`),
  );
  return fastBatched(read, [groupId, hash]).then(([r]) => ({
    token: tokenRow(r),
    found: r && r.id != null ? { row: toGroupRow(r), roles: roleConfigOf(r) } : null,
  }));
}
