// Directories, the one writer of Directory: one IdP connection of an organization, with its SCIM endpoint and tokens.
import { read } from '../db/database';
import { columns, decode, insertOp, sql, updateOp } from '../db/rows';
import type { DirectoryRow } from '../db/schema';
import type { Dialect } from '../db/dialect';
import { all, allOp, changes, one, rowsOf, run, runOp, type SqlEnv, type SqlOp, type SqlProgram, type SqlRow } from '../db/sql-program';
import { env as appEnv } from '../env';
import { newId } from '../ids';
import { createDirectoryToken, type CreatedToken } from './tokens';
import { PROVIDER_NAMES, type Provider } from './providers';

export type { DirectoryRow } from '../db/schema';

const COLUMNS_OF_D = columns('Directory', 'd');
const directoryOf = (r: Record<string, unknown>): DirectoryRow => decode('Directory', r);

export function scimEndpoint(directoryId: string): string {
  return `${appEnv().publicUrl}/scim/v2/${directoryId}`;
}

/** The directories of an organization. */
export function* countOrganizationDirectories(organizationId: string, provider?: Provider): SqlProgram<number> {
  const ofProvider = provider === undefined ? '' : ' AND "provider" = ?';
  const r = yield* one(
    `SELECT COUNT(*) AS "n" FROM "Directory" WHERE "organizationId" = ?${ofProvider}`,
    provider === undefined ? [organizationId] : [organizationId, provider],
  );
  return Number(r?.n ?? 0);
}

/** "Okta", then "Okta 2", … within an organization, so two directories of one provider can be told apart. */
function* defaultName(organizationId: string, provider: Provider): SqlProgram<string> {
  const n = yield* countOrganizationDirectories(organizationId, provider);
  return n === 0 ? PROVIDER_NAMES[provider] : `${PROVIDER_NAMES[provider]} ${n + 1}`;
}

/** A new directory and its first token. */
export function* createDirectory(
  env: SqlEnv,
  { organizationId, provider, name }: { organizationId: string; provider: Provider; name?: string },
): SqlProgram<{ directory: DirectoryRow; token: CreatedToken }> {
  const row = {
    id: newId('dir'),
    organizationId,
    provider,
    name: name ?? (yield* defaultName(organizationId, provider)),
    lastRequestAt: null,
    defaultRoleId: null,
    lastUnauthenticatedAt: null,
    healthReason: null,
    healthChangedAt: null,
    connectedAt: null,
  };
  const insert = insertOp(env.dialect, 'Directory', [row], { returning: columns('Directory') });
  const directory = directoryOf((yield* rowsOf(insert))[0]);
  const token = yield* createDirectoryToken(env, { directoryId: directory.id });
  return { directory, token };
}

/** A directory of an organization of this host, or null (so another host's ids read as unknown). */
export function* findHostDirectory({ hostId, id }: { hostId: string; id: string }): SqlProgram<DirectoryRow | null> {
  const r = yield* one(`SELECT ${COLUMNS_OF_D} FROM "Directory" d JOIN "Organization" o ON o."id" = d."organizationId" WHERE d."id" = ? AND o."hostId" = ?`, [
    id,
    hostId,
  ]);
  return r ? directoryOf(r) : null;
}

/** One directory of the host, read on its own (actions and the host API). */
export function readHostDirectory(where: { hostId: string; id: string }): Promise<DirectoryRow | null> {
  return read(() => findHostDirectory(where));
}

/** A directory of this organization, or null (the portal's tenant check). */
export function* findOrganizationDirectory({ organizationId, id }: { organizationId: string; id: string }): SqlProgram<DirectoryRow | null> {
  const r = yield* one(`SELECT ${COLUMNS_OF_D} FROM "Directory" d WHERE d."id" = ? AND d."organizationId" = ?`, [id, organizationId]);
  return r ? directoryOf(r) : null;
}

export function* listOrganizationDirectories({ organizationId }: { organizationId: string }): SqlProgram<DirectoryRow[]> {
  return (yield* all(`SELECT ${COLUMNS_OF_D} FROM "Directory" d WHERE d."organizationId" = ? ORDER BY d."createdAt", d."id"`, [organizationId])).map(
    directoryOf,
  );
}

/** Sets the status; returns the row as it is now and whether it changed. */
export function* setStatus(env: SqlEnv, { id, status }: { id: string; status: string }): SqlProgram<{ row: DirectoryRow | null; changed: boolean }> {
  const [changed] = yield* rowsOf(updateOp(env.dialect, 'Directory', { status }, `"id" = ? AND "status" <> ?`, [id, status], columns('Directory')));
  if (changed) return { row: directoryOf(changed), changed: true };
  const r = yield* one(`SELECT ${COLUMNS_OF_D} FROM "Directory" d WHERE d."id" = ?`, [id]);
  return { row: r ? directoryOf(r) : null, changed: false };
}

/** The role of users in no mapped group (null: none). */
export function* setDefaultRoleId(env: SqlEnv, { id, roleId }: { id: string; roleId: string | null }): SqlProgram<void> {
  yield* changes(updateOp(env.dialect, 'Directory', { defaultRoleId: roleId }, `"id" = ?`, [id]));
}

/** Which groups the host sees: "all", or "selected" (issue 19; lib/directory/group-selection.ts). */
export type GroupSelectionMode = 'all' | 'selected';

/** The directory's group selection mode, as a statement to send with others (read with `selectionModeOf`). */
export const groupSelectionOp = (directoryId: string): SqlOp => allOp(`SELECT "groupSelection" FROM "Directory" WHERE "id" = ?`, [directoryId]);
export const selectionModeOf = (rows: SqlRow[]): GroupSelectionMode => (rows[0]?.groupSelection === 'selected' ? 'selected' : 'all');

export function* setGroupSelectionMode(env: SqlEnv, { id, mode }: { id: string; mode: GroupSelectionMode }): SqlProgram<void> {
  yield* changes(updateOp(env.dialect, 'Directory', { groupSelection: mode }, `"id" = ?`, [id]));
}

/** No default role where it was this one (the role is being deleted). */
export function* clearDefaultRole(env: SqlEnv, { id, roleId }: { id: string; roleId: string }): SqlProgram<void> {
  yield* changes(updateOp(env.dialect, 'Directory', { defaultRoleId: null }, `"id" = ? AND "defaultRoleId" = ?`, [id, roleId]));
}

/**
 * Records when directories last had an authenticated request (the request log's batches), and their count of
 * unauthenticated requests as of then: the failures added after it are the ones since the IdP last got in (lib/health).
 */
export function touchDirectoriesOps(d: Dialect, ids: string[], at: Date): SqlOp[] {
  if (ids.length === 0) return [];
  const [inIds, param] = d.inList('"id"', ids);
  return [updateOp(d, 'Directory', { lastRequestAt: at, authFailuresSeen: sql('"unauthenticatedRequests"') }, inIds, [param], undefined, true)];
}

/** Unauthenticated requests of one directory in one batch; `seen` of them came before an accepted request of it. */
export interface UnauthenticatedCount {
  id: string;
  count: number;
  last: Date;
  seen: number;
}

/** Adds each directory's unauthenticated requests to its counters, in one statement. */
export function countUnauthenticatedOps(d: Dialect, counts: UnauthenticatedCount[]): SqlOp[] {
  if (counts.length === 0) return [];
  const from = d.rowsFrom(
    [
      ['id', 'text'],
      ['n', 'int'],
      ['at', 'dateTime'],
      ['seen', 'int'],
    ],
    counts.map((c) => [c.id, c.count, c.last, c.seen]),
  );
  return [
    runOp(
      `UPDATE "Directory" SET "unauthenticatedRequests" = "Directory"."unauthenticatedRequests" + v."n", "lastUnauthenticatedAt" = v."at",
       "authFailuresSeen" = "Directory"."authFailuresSeen" + v."seen" FROM ${from.sql} WHERE "Directory"."id" = v."id"`,
      from.params,
    ),
  ];
}

/** Deletes the directory; its users, groups, memberships, tokens, mappings and request log go by cascade. */
export function* removeDirectory(id: string): SqlProgram<void> {
  yield* run(`DELETE FROM "Directory" WHERE "id" = ?`, [id]);
}
