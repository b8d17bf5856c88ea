// Writes to directory users (SCIM, the portal and the host API share them). Each is one transaction — a SQL
// program (lib/db/sql-program.ts): the row, its emails, recomputed roles and the events describing the change;
// retried on a lost race, so concurrent writers never lose each other's changes.
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors';
import { runProgram } from '../db/sql-drivers';
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import { StaleWrite } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { DirectoryScope, PendingEvent } from '../events/event-types';
import { previousAttributes, userSnapshotSql, userSnapshotsSql } from '../events/snapshots';
import { writeEventsSql } from '../events/write-events';
import { recomputeRolesSql, type RoleChange } from '../roles/recompute-roles';
import { toApiUser } from '../host-api/serialize';
import type { ScimObject } from '../scim/types';
import type { UserRow } from './user-row';
import { findUser, insertUser, removeUser, updateUser } from './user-sql';

function duplicateUser(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A user with this userName already exists in the directory');
  // Still a foreign-key violation after the reruns (runProgram): the directory itself was deleted meanwhile.
  if (isForeignKeyViolation(e)) throw new DomainError('not_found', 'The directory was deleted meanwhile');
  throw e;
}

/** `ifMatch`: the version the caller saw (If-Match); a different current version is a precondition failure. */
export interface WriteOptions {
  ifMatch?: number | null;
}

export function checkVersion(row: { version: number }, ifMatch: number | null | undefined, what: string): void {
  if (ifMatch != null && ifMatch !== row.version) {
    throw new DomainError('precondition_failed', `The ${what} changed since the version given in If-Match`);
  }
}

/** `directory.user.updated` events for role changes, `previousAttributes: {roles}` (CONTRACT.md). */
export function* roleChangeEvents(env: SqlEnv, directoryId: string, changes: RoleChange[]): SqlProgram<PendingEvent[]> {
  if (changes.length === 0) return [];
  const snaps = yield* userSnapshotsSql(env, directoryId, changes.map((c) => c.userId));
  return changes
    .filter((c) => snaps.has(c.userId))
    .map((c) => ({ type: 'directory.user.updated', data: snaps.get(c.userId), previousAttributes: { roles: c.before } }));
}

export async function createDirectoryUser(scope: DirectoryScope, resource: ScimObject): Promise<UserRow> {
  return runProgram(function* (env) {
    const { row, roles: config } = yield* insertUser(env, scope.directoryId, resource);
    // A new user is in no group, so its roles are the default role, if any: what recomputing just stored.
    const [roles] = yield* recomputeRolesSql(env, scope.directoryId, [row.id], config);
    yield* writeEventsSql(env, scope, [{ type: 'directory.user.created', data: toApiUser(row, [], roles?.after ?? []) }], { final: true });
    return row;
  }).catch(duplicateUser);
}

/**
 * Reads the user, computes its next resource with `next` (a PUT body, or a PATCH applied to the current one), and
 * writes it. An unchanged resource is not written (no new version, no event).
 */
export async function rewriteDirectoryUser(
  scope: DirectoryScope & { id: string },
  next: (current: ScimObject, row: UserRow) => ScimObject,
  { ifMatch }: WriteOptions = {},
): Promise<UserRow> {
  const { directoryId, id } = scope;
  return runProgram(function* (env) {
    const row = yield* findUser(env, { directoryId, id, lock: true });
    if (!row) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(row, ifMatch, 'user');
    const resource = next(JSON.parse(row.raw) as ScimObject, row);
    if (JSON.stringify(resource) === row.raw) return row;
    const before = yield* userSnapshotSql(env, row);
    const written = yield* updateUser(env, { directoryId, id, version: row.version }, resource);
    if (!written) throw new StaleWrite();
    const after = yield* userSnapshotSql(env, written);
    const changed = previousAttributes(before, after);
    if (Object.keys(changed).length) {
      yield* writeEventsSql(env, scope, [{ type: 'directory.user.updated', data: after, previousAttributes: changed }], { final: true });
    }
    return written;
  }).catch(duplicateUser);
}

export async function deleteDirectoryUser(scope: DirectoryScope & { id: string }, { ifMatch }: WriteOptions = {}): Promise<void> {
  const { directoryId, id } = scope;
  await runProgram(function* (env) {
    const row = yield* findUser(env, { directoryId, id, lock: true });
    if (!row) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(row, ifMatch, 'user');
    const last = yield* userSnapshotSql(env, row);
    if (!(yield* removeUser({ directoryId, id }))) throw new DomainError('not_found', `User ${id} not found`);
    yield* writeEventsSql(env, scope, [{ type: 'directory.user.deleted', data: last }], { final: true });
  });
}
