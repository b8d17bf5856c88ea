// The one writer of DirectoryUser and UserEmail, whoever calls it (SCIM, portal, host API). Each change is one
// transaction: the row, its emails, recomputed roles and the events describing it; retried on a lost race, so
// concurrent writers never lose each other's changes.
import { write } from '../../db/database';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors';
import { columns, insertOp, sql, updateOp } from '../../db/rows';
import type { DirectoryUserRow } from '../../db/schema';
import { run, runOp, together, type SqlEnv, type SqlOp, type SqlProgram } from '../../db/sql-program';
import { StaleWrite } from '../../db/transaction';
import { DomainError } from '../../domain-error';
import type { DirectoryScope } from '../../events/event-types';
import { previousAttributes } from '../../events/snapshots';
import { writeEventsSql } from '../../events/write-events';
import { toApiUser } from '../../host-api/serialize';
import { newId } from '../../ids';
import { recomputeRolesSql, roleConfigOf, roleConfigOp } from '../../roles/recompute-roles';
import { rolesSharedLockOps } from '../../roles/role-locks';
import type { ScimObject } from '../../scim/types';
import { assertIndexable } from '../indexable';
import { checkVersion, type WriteOptions } from '../write-options';
import { userColumns, type UserEmailColumns } from './columns';
import { findUserView, userOf, type UserWithGroups } from './reads';

const RETURNING = columns('DirectoryUser');

function split(resource: ScimObject) {
  const { emails, ...cols } = userColumns(resource);
  assertIndexable({ ...cols, ...Object.fromEntries(emails.map((e, i) => [`emails[${i}].value`, e.valueLower])) });
  return { cols, emails, raw: JSON.stringify(resource) };
}

function emailsOp(env: SqlEnv, userId: string, directoryId: string, emails: UserEmailColumns[]): SqlOp[] {
  return emails.length ? [insertOp(env.dialect, 'UserEmail', emails.map((e) => ({ userId, directoryId, ...e })))] : [];
}

function duplicateUser(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A user with this userName already exists in the directory');
  // Still a foreign-key violation after the reruns (database.ts): the directory itself was deleted meanwhile.
  if (isForeignKeyViolation(e)) throw new DomainError('not_found', 'The directory was deleted meanwhile');
  throw e;
}

/** A new user, its emails and its roles (the default role, if any: a new user is in no group), with its event. */
export function createDirectoryUser(scope: DirectoryScope, resource: ScimObject): Promise<DirectoryUserRow> {
  const { directoryId } = scope;
  return write(function* (env) {
    const { cols, emails, raw } = split(resource);
    const id = newId('usr');
    // After the directory's shared role lock (role-locks.ts), in the same round trip: the configuration read is not
    // one a concurrent default-role change is replacing.
    const lock = rolesSharedLockOps(env, directoryId);
    const results = yield* together([
      ...lock,
      insertOp(env.dialect, 'DirectoryUser', [{ id, directoryId, ...cols, raw }], { returning: RETURNING }),
      ...emailsOp(env, id, directoryId, emails),
      roleConfigOp(directoryId),
    ]);
    const row = userOf(results[lock.length][0]);
    const [roles] = yield* recomputeRolesSql(env, directoryId, [id], roleConfigOf(results[results.length - 1][0] ?? null));
    yield* writeEventsSql(env, scope, [{ type: 'directory.user.created', data: toApiUser(row, [], roles?.after ?? []) }], { final: true });
    return row;
  }).catch(duplicateUser);
}

/** Writes a new version of a user at `version` (locked by the caller) with its emails. */
function* updateUser(env: SqlEnv, { directoryId, id, version }: { directoryId: string; id: string; version: number }, resource: ScimObject): SqlProgram<DirectoryUserRow> {
  const { cols, emails, raw } = split(resource);
  const [updated] = yield* together([
    updateOp(env.dialect, 'DirectoryUser', { ...cols, raw, version: sql('"version" + 1') }, '"id" = ? AND "directoryId" = ? AND "version" = ?', [id, directoryId, version], RETURNING),
    runOp(`DELETE FROM "UserEmail" WHERE "userId" = ?`, [id]),
    ...emailsOp(env, id, directoryId, emails),
  ]);
  if (!updated[0]) throw new StaleWrite();
  return userOf(updated[0]);
}

/**
 * Reads the user, computes its next resource with `next` (a PUT body, or a PATCH applied to the current one), and
 * writes it. An unchanged resource is not written (no new version, no event).
 */
export function rewriteDirectoryUser(
  scope: DirectoryScope & { id: string },
  next: (current: ScimObject, row: DirectoryUserRow) => ScimObject,
  { ifMatch }: WriteOptions = {},
): Promise<UserWithGroups> {
  const { directoryId, id } = scope;
  return write(function* (env) {
    const view = yield* findUserView(env, { directoryId, id, lock: true });
    if (!view) throw new DomainError('not_found', `User ${id} not found`);
    const { row, groups, roles } = view;
    checkVersion(row, ifMatch, 'user');
    const resource = next(JSON.parse(row.raw) as ScimObject, row);
    if (JSON.stringify(resource) === row.raw) return { row, groups };
    const written = yield* updateUser(env, { directoryId, id, version: row.version }, resource);
    // A user's groups and roles don't move when its resource does.
    const before = toApiUser(row, groups, roles);
    const after = toApiUser(written, groups, roles);
    const changed = previousAttributes(before, after);
    if (Object.keys(changed).length) {
      yield* writeEventsSql(env, scope, [{ type: 'directory.user.updated', data: after, previousAttributes: changed }], { final: true });
    }
    return { row: written, groups };
  }).catch(duplicateUser);
}

export function deleteDirectoryUser(scope: DirectoryScope & { id: string }, { ifMatch }: WriteOptions = {}): Promise<void> {
  const { directoryId, id } = scope;
  return write(function* (env) {
    const view = yield* findUserView(env, { directoryId, id, lock: true });
    if (!view) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(view.row, ifMatch, 'user');
    const last = toApiUser(view.row, view.groups, view.roles);
    if (!(yield* run(`DELETE FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?`, [id, directoryId]))) {
      throw new DomainError('not_found', `User ${id} not found`);
    }
    yield* writeEventsSql(env, scope, [{ type: 'directory.user.deleted', data: last }], { final: true });
  });
}
