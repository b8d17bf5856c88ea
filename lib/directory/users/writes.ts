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
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { previousAttributes } from '../../events/snapshots';
import { writeEventsSql } from '../../events/write-events';
import { toApiUser } from '../../host-api/serialize';
import { mappedColumns, warningsText, type MappingContext } from '../../attributes/mapping';
import { newId } from '../../ids';
import { admit, checkDomains, takeSeat } from '../../policy/admission';
import { userOutcome } from '../../policy/decision';
import { activeChangeEvent, leavingDeletes, rolesAfterActiveChange } from '../../policy/leaving';
import { policyOfRow, policyOp, readPolicy } from '../../policy/policy-store';
import { recomputeRolesSql, roleConfigOf, roleConfigOp } from '../../roles/recompute-roles';
import { rolesSharedLockOps } from '../../roles/role-locks';
import type { ScimObject } from '../../scim/types';
import { assertIndexable } from '../indexable';
import { checkVersion, type WriteOptions } from '../write-options';
import { userColumns, type UserEmailColumns } from './columns';
import { findUserView, userOf, userViewOp, viewOfRow, type UserView, type UserWithGroups } from './reads';

const RETURNING = columns('DirectoryUser');

/** The host's fields and the directory's mapping, which a write maps the user's values with (none: no fields). */
export interface UserWriteOptions extends WriteOptions {
  mapping?: MappingContext | null;
}

function split(resource: ScimObject, mapping: MappingContext | null | undefined) {
  const { emails, ...cols } = userColumns(resource);
  assertIndexable({ ...cols, ...Object.fromEntries(emails.map((e, i) => [`emails[${i}].value`, e.valueLower])) });
  const mapped = mappedColumns(resource, mapping ?? null);
  return { cols: { ...cols, ...mapped.cols }, emails, raw: JSON.stringify(resource), warnings: mapped.warnings };
}

function emailsOp(env: SqlEnv, userId: string, directoryId: string, emails: UserEmailColumns[]): SqlOp[] {
  return emails.length
    ? [
        insertOp(
          env.dialect,
          'UserEmail',
          emails.map((e) => ({ userId, directoryId, ...e })),
        ),
      ]
    : [];
}

function duplicateUser(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A user with this userName already exists in the directory');
  // Still a foreign-key violation after the reruns (database.ts): the directory itself was deleted meanwhile.
  if (isForeignKeyViolation(e)) throw new DomainError('not_found', 'The directory was deleted meanwhile');
  throw e;
}

/** A user as written, and what the write did in plain words (the decision log: decision.ts). */
export interface WrittenUser extends UserWithGroups {
  row: DirectoryUserRow;
  outcome: string;
}

/**
 * A new user, its emails and its roles (the default role, if any: a new user is in no group), with its event. A
 * person the directory already has under the same externalId (re-provisioned under a renamed userName, or after
 * a deactivation) is linked instead: that user is rewritten, never duplicated; the same active userName is a 409.
 */
export function createDirectoryUser(scope: DirectoryScope, resource: ScimObject, { mapping }: UserWriteOptions = {}): Promise<WrittenUser> {
  const { directoryId } = scope;
  return write(function* (env): SqlProgram<WrittenUser> {
    const { cols, emails, raw, warnings } = split(resource, mapping);
    const id = newId('usr');
    // After the directory's shared role lock (role-locks.ts): the configuration read is not one a concurrent
    // default-role change is replacing. The organization's policy and a user with this externalId in the same trip.
    const lock = rolesSharedLockOps(env, directoryId);
    const byExternalId = cols.externalId != null ? [userViewOp(env, { directoryId, by: { externalId: cols.externalId }, lock: true })] : [];
    const first = yield* together([...lock, policyOp(scope.organizationId), ...byExternalId]);
    const known = byExternalId.length ? viewOfRow(first[lock.length + 1][0]) : null;
    if (known && known.row.userNameLower === cols.userNameLower && known.row.active)
      throw new DomainError('conflict', 'A user with this userName already exists in the directory');
    if (known) {
      const linked = yield* rewriteLocked(env, scope, known, resource, mapping);
      return { ...linked, outcome: `linked (same externalId)${linked.outcome === 'unchanged' ? '' : `, ${linked.outcome}`}` };
    }
    const policy = policyOfRow(first[lock.length][0]);
    checkDomains(policy, cols.userNameLower, emails);
    const seat = cols.active ? yield* takeSeat(env, scope.organizationId, policy) : [];
    const results = yield* together([
      insertOp(env.dialect, 'DirectoryUser', [{ id, directoryId, ...cols, raw, deactivatedAt: cols.active ? null : new Date() }], { returning: RETURNING }),
      ...emailsOp(env, id, directoryId, emails),
      roleConfigOp(directoryId),
    ]);
    const row = userOf(results[0][0]);
    const [roles] = yield* recomputeRolesSql(env, directoryId, [id], roleConfigOf(results[results.length - 1][0] ?? null));
    yield* writeEventsSql(env, scope, [{ type: 'directory.user.created', data: toApiUser(row, [], roles?.after ?? []) }, ...seat], { final: true });
    return { row, groups: [], outcome: `created${warningsText(warnings)}` };
  }).catch(duplicateUser);
}

/** Writes a new version of a user at `version` (locked by the caller) with its emails. */
function* updateUser(
  env: SqlEnv,
  { directoryId, id, version, active }: Pick<DirectoryUserRow, 'directoryId' | 'id' | 'version' | 'active'>,
  { cols, emails, raw }: ReturnType<typeof split>,
): SqlProgram<DirectoryUserRow> {
  // Counted from the moment the user became inactive (a "delete after N days" leaving policy).
  const deactivatedAt = cols.active ? null : active ? sql(env.dialect.now) : undefined;
  const [updated] = yield* together([
    updateOp(
      env.dialect,
      'DirectoryUser',
      { ...cols, deactivatedAt, raw, version: sql('"version" + 1') },
      '"id" = ? AND "directoryId" = ? AND "version" = ?',
      [id, directoryId, version],
      RETURNING,
    ),
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
  { ifMatch, mapping }: UserWriteOptions = {},
): Promise<WrittenUser> {
  const { directoryId, id } = scope;
  return write(function* (env) {
    // The shared role lock before the user's row, as every write whose roles may move takes them.
    const lock = rolesSharedLockOps(env, directoryId);
    const found = yield* together([...lock, userViewOp(env, { directoryId, by: { id }, lock: true })]);
    const view = viewOfRow(found[lock.length][0]);
    if (!view) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(view.row, ifMatch, 'user');
    return yield* rewriteLocked(env, scope, view, next(JSON.parse(view.row.raw) as ScimObject, view.row), mapping);
  }).catch(duplicateUser);
}

/** Writes `resource` over the locked user; an `active` turned off or on moves its roles and may delete it (leaving.ts). */
function* rewriteLocked(
  env: SqlEnv,
  scope: DirectoryScope,
  { row, groups, roles, scimGroups }: UserView,
  resource: ScimObject,
  mapping: MappingContext | null | undefined,
): SqlProgram<WrittenUser> {
  // The IdP is answered with every group of the user; events show the host's (selected) ones.
  const answered = scimGroups ?? groups;
  if (JSON.stringify(resource) === row.raw) return { row, groups: answered, outcome: 'unchanged' };
  const next = split(resource, mapping);
  // Coming back takes a seat, on one of the organization's domains, like a create (admission.ts).
  const seat =
    !row.active && next.cols.active
      ? yield* admit(env, scope.organizationId, yield* readPolicy(scope.organizationId), { ...next.cols, emails: next.emails })
      : [];
  const written = yield* updateUser(env, row, next);
  const activeChanged = written.active !== row.active;
  if (activeChanged && (yield* leavingDeletes(scope.organizationId, written))) {
    yield* removeUser(env, { ...scope, id: row.id }, toApiUser(written, groups, []));
    return { row: written, groups: answered, outcome: 'deleted (leaving policy: delete at once)' };
  }
  // A user's groups don't move when its resource does; its roles do when it leaves or comes back.
  const rolesNow = activeChanged ? yield* rolesAfterActiveChange(env, row.directoryId, row.id, roles) : roles;
  const after = toApiUser(written, groups, rolesNow);
  const changed = previousAttributes(toApiUser(row, groups, roles), after);
  const events: PendingEvent[] = Object.keys(changed).length ? [{ type: 'directory.user.updated', data: after, previousAttributes: changed }] : [];
  if (activeChanged) events.push(activeChangeEvent(written.active, after), ...seat);
  if (events.length) yield* writeEventsSql(env, scope, events, { final: true });
  const outcome = userOutcome(JSON.parse(row.raw) as ScimObject, resource, activeChanged ? written.active : null);
  return { row: written, groups: answered, outcome: `${outcome}${warningsText(next.warnings)}` };
}

function* removeUser(env: SqlEnv, scope: DirectoryScope & { id: string }, last: unknown): SqlProgram<void> {
  if (!(yield* run(`DELETE FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?`, [scope.id, scope.directoryId]))) {
    throw new DomainError('not_found', `User ${scope.id} not found`);
  }
  yield* writeEventsSql(env, scope, [{ type: 'directory.user.deleted', data: last }], { final: true });
}

export function deleteDirectoryUser(scope: DirectoryScope & { id: string }, { ifMatch }: WriteOptions = {}): Promise<void> {
  const { directoryId, id } = scope;
  return write(function* (env) {
    const view = yield* findUserView(env, { directoryId, id, lock: true });
    if (!view) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(view.row, ifMatch, 'user');
    yield* removeUser(env, scope, toApiUser(view.row, view.groups, view.roles));
  });
}

/** Deletes the user if it is still inactive since before `cutoff` (a "delete after N days" leaving policy). */
export function deleteExpiredLeaver(scope: DirectoryScope & { id: string }, cutoff: Date): Promise<boolean> {
  return write(function* (env) {
    const view = yield* findUserView(env, { directoryId: scope.directoryId, id: scope.id, lock: true });
    if (!view || view.row.active || !view.row.deactivatedAt || view.row.deactivatedAt > cutoff) return false;
    yield* removeUser(env, scope, toApiUser(view.row, view.groups, view.roles));
    return true;
  });
}
