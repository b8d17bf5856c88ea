// The one writer of DirectoryUser and UserEmail, whoever calls it (SCIM, portal, host API). Each change is one
// transaction: the row, its emails, recomputed roles and the events describing it; retried on a lost race, so
// concurrent writers never lose each other's changes.
import { write } from '../../db/database';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors';
import { insertOp, updateOp } from '../../db/rows';
import type { DirectoryUserRow } from '../../db/schema';
import { run, runOp, together, type SqlEnv, type SqlOp, type SqlProgram } from '../../db/sql-program';
import { DomainError } from '../../domain-error';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { previousAttributes } from '../../events/snapshots';
import { writeEventsOps } from '../../events/write-events';
import { toApiUser } from '../../host-api/serialize';
import { mappedColumns, warningsText, type MappingContext } from '../../attributes/mapping';
import { newId } from '../../ids';
import { checkDomains, movesDomain } from '../../policy/admission';
import { userOutcome } from '../../policy/decision';
import { activeChangeEvent, leavingDeletes, rolesAfterActiveChange } from '../../policy/leaving';
import { policyOfRow, policyOp, type ProvisioningPolicy } from '../../policy/policy-store';
import { NO_SEAT_CHANGE, seatChange, seatRefusal, seatsOps, type SeatChange } from '../../policy/seats';
import { noRolesOp, recomputeRolesSql, roleConfigOf, roleConfigOp, rolesIdle, type RoleConfig } from '../../roles/recompute-roles';
import { rolesSharedLockOps } from '../../roles/role-locks';
import type { ScimObject } from '../../scim/types';
import { assertIndexable } from '../indexable';
import { checkVersion, type WriteOptions } from '../write-options';
import { userColumns, type UserEmailColumns } from './columns';
import { retireUser } from './retire';
import { findUserView, userViewOp, viewOfRow, type PersonLookup, type UserView, type UserWithGroups } from './reads';

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

/** What every user write reads with its first lock: the organization's policy and the directory's role configuration. */
interface WriteReads {
  policy: ProvisioningPolicy;
  roleConfig: RoleConfig;
}

/**
 * The user `by` finds, locked, with what every user write reads first, in one trip: the directory's shared role lock
 * (role-locks.ts), then the policy and the role configuration (not one a concurrent default-role change is
 * replacing), then the user's row.
 */
function* lockedUser(
  env: SqlEnv,
  scope: DirectoryScope,
  by: { id: string } | { person: PersonLookup },
): SqlProgram<{ view: UserView | null; reads: WriteReads }> {
  const lock = rolesSharedLockOps(env, scope.directoryId);
  const results = yield* together([
    ...lock,
    policyOp(scope.organizationId),
    roleConfigOp(scope.directoryId),
    userViewOp(env, { directoryId: scope.directoryId, by, lock: true }),
  ]);
  const [policy, config, user] = results.slice(lock.length);
  return { view: viewOfRow(user[0]), reads: { policy: policyOfRow(policy[0]), roleConfig: roleConfigOf(config[0] ?? null) } };
}

/** The last statement of a transaction marked final (PostgreSQL sends it with the COMMIT). */
const finalOps = (ops: SqlOp[]): SqlOp[] => ops.map((op, i) => (i === ops.length - 1 ? { ...op, final: true } : op));

/**
 * A write's last statements: the seats count just before the events (so its row is locked for that trip and the
 * COMMIT only, and always before the events' lock), the events, then the last seat's event if this write took it.
 */
const tailOps = (env: SqlEnv, scope: DirectoryScope, events: PendingEvent[], seat: SeatChange): SqlOp[] => [
  ...seat.before,
  ...writeEventsOps(env, scope, events, false),
  ...seat.after,
];

/**
 * A new user, its emails and its roles (the default role, if any: a new user is in no group), with its event. A
 * person the directory already has under the same externalId (re-provisioned under a renamed userName, or after
 * a deactivation), or one the IdP deleted under the same userName and the leaving policy kept, is linked instead:
 * that user is rewritten, never duplicated; the same active userName is a 409.
 */
export function createDirectoryUser(scope: DirectoryScope, resource: ScimObject, { mapping }: UserWriteOptions = {}): Promise<WrittenUser> {
  const { directoryId } = scope;
  let limit: number | null = null;
  return write(function* (env): SqlProgram<WrittenUser> {
    const { cols, emails, raw, warnings } = split(resource, mapping);
    const person = { externalId: cols.externalId ?? null, userNameLower: cols.userNameLower };
    const { view: known, reads } = yield* lockedUser(env, scope, { person });
    limit = reads.policy.seatLimit;
    if (known && !known.row.removedAt && known.row.userNameLower === cols.userNameLower && known.row.active)
      throw new DomainError('conflict', 'A user with this userName already exists in the directory');
    if (known) {
      const linked = yield* rewriteLocked(env, scope, known, JSON.parse(known.row.raw) as ScimObject, resource, reads, mapping);
      const same = person.externalId !== null && known.row.externalId === person.externalId ? 'same externalId' : 'same userName';
      return { ...linked, outcome: `linked (${same})${linked.outcome === 'unchanged' ? '' : `, ${linked.outcome}`}` };
    }
    checkDomains(reads.policy, cols);
    const id = newId('usr');
    const now = new Date();
    const active = cols.active ?? true;
    const seat = active ? seatChange(env, scope, reads.policy, 1) : NO_SEAT_CHANGE;
    const row: DirectoryUserRow = {
      id,
      directoryId,
      ...cols,
      active,
      raw,
      deactivatedAt: active ? null : now,
      removedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const inserts = [insertOp(env.dialect, 'DirectoryUser', [row]), ...emailsOp(env, id, directoryId, emails)];
    const created = (roles: string[]): PendingEvent[] => [{ type: 'directory.user.created', data: toApiUser(row, [], roles) }];
    if (rolesIdle(reads.roleConfig)) {
      // Nobody holds a role in this directory: the rows and the events in one trip, with the COMMIT.
      yield* together(finalOps([...inserts, ...tailOps(env, scope, created([]), seat)]));
    } else {
      yield* together(inserts);
      const [roles] = yield* recomputeRolesSql(env, directoryId, [id], reads.roleConfig);
      yield* together(finalOps(tailOps(env, scope, created(roles?.after ?? []), seat)));
    }
    return { row, groups: [], outcome: `created${warningsText(warnings)}` };
  }).catch((e) => duplicateUser(seatRefusal(e, limit)));
}

/** The user's next row, as the UPDATE of updateOps writes it (version, clock and all), known before it is sent. */
function nextRow(row: DirectoryUserRow, { cols, raw }: ReturnType<typeof split>, now: Date): DirectoryUserRow {
  // Counted from the moment the user became inactive (a "delete after N days" leaving policy).
  const deactivatedAt = cols.active ? null : row.active ? now : row.deactivatedAt;
  // Written again, a user the IdP had deleted (and the leaving policy kept) is back in SCIM.
  return { ...row, ...cols, raw, deactivatedAt, removedAt: null, version: row.version + 1, updatedAt: now };
}

/** The UPDATE's count: the row is locked (on SQLite, the whole database) since it was read, so it always matches. */
function updated(count: unknown): void {
  if (count !== 1) throw new Error(`A locked user's UPDATE changed ${String(count)} rows`);
}

/** Writes `written` over the user at `version` (locked by the caller), and its emails when they changed (else null). */
function updateOps(env: SqlEnv, version: number, written: DirectoryUserRow, emails: UserEmailColumns[] | null): SqlOp[] {
  const { id, directoryId, createdAt: _created, ...set } = written;
  return [
    updateOp(env.dialect, 'DirectoryUser', set, '"id" = ? AND "directoryId" = ? AND "version" = ?', [id, directoryId, version]),
    ...(emails ? [runOp(`DELETE FROM "UserEmail" WHERE "userId" = ?`, [id]), ...emailsOp(env, id, directoryId, emails)] : []),
  ];
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
  const { id } = scope;
  let limit: number | null = null;
  return write(function* (env) {
    const { view, reads } = yield* lockedUser(env, scope, { id });
    limit = reads.policy.seatLimit;
    if (!view || view.row.removedAt) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(view.row, ifMatch, 'user');
    // Parsed once: `next` takes its own copy (a PATCH is applied to a clone), the write compares against it.
    const current = JSON.parse(view.row.raw) as ScimObject;
    return yield* rewriteLocked(env, scope, view, current, next(current, view.row), reads, mapping);
  }).catch((e) => duplicateUser(seatRefusal(e, limit)));
}

/**
 * Writes `resource` over the locked user, whose stored resource is `previous`; an `active` turned off or on moves its
 * roles and may delete it (leaving.ts).
 */
function* rewriteLocked(
  env: SqlEnv,
  scope: DirectoryScope,
  { row, groups, roles, scimGroups }: UserView,
  previous: ScimObject,
  resource: ScimObject,
  { policy, roleConfig }: WriteReads,
  mapping: MappingContext | null | undefined,
): SqlProgram<WrittenUser> {
  // The IdP is answered with every group of the user; events show the host's (selected) ones.
  const answered = scimGroups ?? groups;
  // A kept user linked back is written even when sent as it was kept: it comes back into SCIM.
  if (JSON.stringify(resource) === row.raw && !row.removedAt) return { row, groups: answered, outcome: 'unchanged' };
  const next = split(resource, mapping);
  // Coming back takes a seat, on one of the organization's domains, like a create (admission.ts); a rename moving an
  // active user to another domain is checked like a create too.
  if (next.cols.active && (!row.active || movesDomain(row, next.cols))) checkDomains(policy, next.cols);
  const written = nextRow(row, next, new Date());
  const activeChanged = written.active !== row.active;
  if (activeChanged && leavingDeletes(policy, written)) {
    yield* removeUser(env, { ...scope, id: row.id }, toApiUser(written, groups, []), true);
    return { row: written, groups: answered, outcome: 'deleted (leaving policy: delete at once)' };
  }
  const outcome = userOutcome(previous, resource, activeChanged ? written.active : null);
  // Most changes leave the emails as they were (a new name, a deactivation): their rows stay.
  const emails = JSON.stringify(userColumns(previous).emails) === JSON.stringify(next.emails) ? null : next.emails;
  const events = (rolesNow: string[]): PendingEvent[] => {
    const after = toApiUser(written, groups, rolesNow);
    const changed = previousAttributes(toApiUser(row, groups, roles), after);
    const out: PendingEvent[] = Object.keys(changed).length ? [{ type: 'directory.user.updated', data: after, previousAttributes: changed }] : [];
    return activeChanged ? [...out, activeChangeEvent(written.active, after)] : out;
  };
  const seat = activeChanged ? seatChange(env, scope, policy, written.active ? 1 : -1) : NO_SEAT_CHANGE;
  const update = updateOps(env, row.version, written, emails);
  // A user's groups don't move when its resource does; its roles do when it comes back (recomputed after the UPDATE).
  if (activeChanged && written.active && !rolesIdle(roleConfig)) {
    updated((yield* together(update))[0]);
    const rolesNow = yield* rolesAfterActiveChange(env, row.directoryId, row.id, roles, roleConfig);
    yield* together(finalOps(tailOps(env, scope, events(rolesNow), seat)));
  } else {
    // The user's row is locked (and on SQLite the database): the UPDATE applies, so it goes out with the events
    // and the COMMIT in one trip. A user who leaves holds no role, so its roles are known without a recompute.
    const leaves = activeChanged && !written.active;
    const unroled = leaves && roles.length ? [noRolesOp(row.directoryId, row.id)] : [];
    updated((yield* together(finalOps([...update, ...unroled, ...tailOps(env, scope, events(leaves ? [] : roles), seat)])))[0]);
  }
  return { row: written, groups: answered, outcome: `${outcome}${warningsText(next.warnings)}` };
}

/** directory.user.deleted's `data.reason` when a keeping leaving policy could keep no more users. */
const KEPT_LIMIT_REASON = 'kept_users_limit';

/** Deletes the locked user (`wasActive`: it held a seat), with its event. */
function* removeUser(env: SqlEnv, scope: DirectoryScope & { id: string }, last: unknown, wasActive: boolean): SqlProgram<void> {
  if (!(yield* run(`DELETE FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?`, [scope.id, scope.directoryId]))) {
    throw new DomainError('not_found', `User ${scope.id} not found`);
  }
  const seat = { before: seatsOps(scope.organizationId, wasActive ? -1 : 0), after: [] };
  yield* together(finalOps(tailOps(env, scope, [{ type: 'directory.user.deleted', data: last }], seat)));
}

/** Whether a DELETE under a keeping leaving policy may keep the user (`keep`: false when the kept users are at their bound). */
export interface DeleteOptions extends WriteOptions {
  keep?: boolean;
}

/**
 * DELETE /Users/{id} (RFC 7644 §3.6): the user is gone from SCIM. Under a "delete at once" leaving policy, or when
 * the directory keeps as many deleted users as it may (`keep` false), the row goes; otherwise the host keeps it,
 * deactivated and in no group (retire.ts). Returns the decision log's words.
 */
export function deleteDirectoryUser(scope: DirectoryScope & { id: string }, { ifMatch, keep = true }: DeleteOptions = {}): Promise<string> {
  const { id } = scope;
  return write(function* (env) {
    // The shared role lock first (a kept user's roles are recomputed), the policy and the user in the same trip.
    const { view, reads } = yield* lockedUser(env, scope, { id });
    if (!view || view.row.removedAt) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(view.row, ifMatch, 'user');
    const { leaving } = reads.policy;
    if (leaving.mode === 'delete' || !keep) {
      const last = toApiUser(view.row, view.groups, view.roles);
      // The host is told why a policy that keeps users deleted this one.
      yield* removeUser(env, scope, keep ? last : { ...last, reason: KEPT_LIMIT_REASON }, view.row.active);
      return keep ? 'deleted' : 'deleted at once: the directory keeps as many deleted users as it may (SCIM_MAX_KEPT_USERS_PER_DIRECTORY)';
    }
    yield* retireUser(env, scope, view, seatsOps(scope.organizationId, view.row.active ? -1 : 0));
    return leaving.mode === 'delete_after'
      ? `deleted from SCIM; kept deactivated, deleted after ${leaving.deleteAfterDays} days (leaving policy)`
      : 'deleted from SCIM; kept deactivated (leaving policy)';
  });
}

/** Deletes the user if it is still inactive since before `cutoff` (a "delete after N days" leaving policy). */
export function deleteExpiredLeaver(scope: DirectoryScope & { id: string }, cutoff: Date): Promise<boolean> {
  return write(function* (env) {
    const view = yield* findUserView(env, { directoryId: scope.directoryId, id: scope.id, lock: true });
    if (!view || view.row.active || !view.row.deactivatedAt || view.row.deactivatedAt > cutoff) return false;
    yield* removeUser(env, scope, toApiUser(view.row, view.groups, view.roles), view.row.active);
    return true;
  });
}
