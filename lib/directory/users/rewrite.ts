// A user written again: PUT and PATCH /Users/{id}, and a create that links a person the directory already has. An
// `active` that turns off or on moves the user's seat and roles, and may delete it (the leaving policy).
import { write } from '../../db/database';
import { updateOp } from '../../db/rows';
import type { DirectoryUserRow } from '../../db/schema';
import { runOp, together, type SqlEnv, type SqlOp, type SqlProgram } from '../../db/sql-program';
import { DomainError } from '../../domain-error';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { previousAttributes } from '../../events/snapshots';
import { toApiUser } from '../../host-api/serialize';
import { warningsText, type MappingContext } from '../../attributes/mapping';
import { checkDomains, movesDomain } from '../../policy/admission';
import { userOutcome } from '../../policy/decision';
import { activeChangeEvent, leavingDeletes, rolesAfterActiveChange } from '../../policy/leaving';
import { NO_SEAT_CHANGE, seatChange, seatRefusal } from '../../policy/seats';
import { noRolesOp, rolesIdle } from '../../roles/recompute-roles';
import type { ScimObject } from '../../scim/types';
import { checkVersion } from '../write-options';
import { userColumns, type UserEmailColumns } from './columns';
import { removeUser } from './delete';
import type { UserView } from './reads';
import {
  duplicateUser,
  emailsOp,
  finalOps,
  lockedUser,
  split,
  tailOps,
  updated,
  type UserWriteOptions,
  type WriteReads,
  type WrittenUser,
} from './write-steps';

/** The user's next row, as the UPDATE of updateOps writes it (version, clock and all), known before it is sent. */
function nextRow(row: DirectoryUserRow, { cols, raw }: ReturnType<typeof split>, now: Date): DirectoryUserRow {
  // Counted from the moment the user became inactive (a "delete after N days" leaving policy).
  const deactivatedAt = cols.active ? null : row.active ? now : row.deactivatedAt;
  // Written again, a user the IdP had deleted (and the leaving policy kept) is back in SCIM.
  return { ...row, ...cols, raw, deactivatedAt, removedAt: null, version: row.version + 1, updatedAt: now };
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
export function* rewriteLocked(
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
