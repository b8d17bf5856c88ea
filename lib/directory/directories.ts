// Directories, the one writer of Directory: one IdP connection of an organization, with its SCIM endpoint and tokens.
import { columns, decode, insertOp, updateOp } from '../db/rows';
import type { DirectoryRow } from '../db/schema';
import type { Dialect } from '../db/dialect';
import { all, changes, one, rowsOf, run, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';
import { env as appEnv } from '../env';
import { newId } from '../ids';
import { createDirectoryToken, type CreatedToken } from './tokens';
import type { Provider } from './providers';

export type { DirectoryRow } from '../db/schema';

const COLUMNS_OF_D = columns('Directory', 'd');
const directoryOf = (r: Record<string, unknown>): DirectoryRow => decode('Directory', r);

export function scimEndpoint(directoryId: string): string {
  return `${appEnv().publicUrl}/scim/v2/${directoryId}`;
}

/** A new directory and its first token. */
export function* createDirectory(
  env: SqlEnv,
  { organizationId, provider }: { organizationId: string; provider: Provider },
): SqlProgram<{ directory: DirectoryRow; token: CreatedToken }> {
  const insert = insertOp(env.dialect, 'Directory', [{ id: newId('dir'), organizationId, provider, lastRequestAt: null, defaultRoleId: null }], {
    returning: columns('Directory'),
  });
  const directory = directoryOf((yield* rowsOf(insert))[0]);
  const token = yield* createDirectoryToken(env, { directoryId: directory.id });
  return { directory, token };
}

/** A directory of an organization of this host, or null (so another host's ids read as unknown). */
export function* findHostDirectory({ hostId, id }: { hostId: string; id: string }): SqlProgram<DirectoryRow | null> {
  const r = yield* one(`SELECT ${COLUMNS_OF_D} FROM "Directory" d JOIN "Organization" o ON o."id" = d."organizationId" WHERE d."id" = ? AND o."hostId" = ?`, [id, hostId]);
  return r ? directoryOf(r) : null;
}

/** A directory of this organization, or null (the portal's tenant check). */
export function* findOrganizationDirectory({ organizationId, id }: { organizationId: string; id: string }): SqlProgram<DirectoryRow | null> {
  const r = yield* one(`SELECT ${COLUMNS_OF_D} FROM "Directory" d WHERE d."id" = ? AND d."organizationId" = ?`, [id, organizationId]);
  return r ? directoryOf(r) : null;
}

export function* listOrganizationDirectories({ organizationId }: { organizationId: string }): SqlProgram<DirectoryRow[]> {
  return (yield* all(`SELECT ${COLUMNS_OF_D} FROM "Directory" d WHERE d."organizationId" = ? ORDER BY d."createdAt", d."id"`, [organizationId])).map(directoryOf);
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

/** Records when directories last had an authenticated request (the request log's batches). */
export function touchDirectoriesOps(d: Dialect, ids: string[], at: Date): SqlOp[] {
  if (ids.length === 0) return [];
  const [inIds, param] = d.inList('"id"', ids);
  return [updateOp(d, 'Directory', { lastRequestAt: at }, inIds, [param], undefined, true)];
}

/** Deletes the directory; its users, groups, memberships, tokens, mappings and request log go by cascade. */
export function* removeDirectory(id: string): SqlProgram<void> {
  yield* run(`DELETE FROM "Directory" WHERE "id" = ?`, [id]);
}
