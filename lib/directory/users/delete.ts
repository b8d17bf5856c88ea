// A user leaving: DELETE /Users/{id} (deleted, or kept for the host by the leaving policy: retire.ts), a leaving
// policy's "delete at once" when `active` turns off, and its "delete after N days" (purge-leavers.ts).
import { write } from '../../db/database';
import { allOp, together, type SqlEnv, type SqlProgram } from '../../db/sql-program';
import { DomainError } from '../../domain-error';
import type { DirectoryScope } from '../../events/event-types';
import { toApiUser } from '../../host-api/serialize';
import { seatsOps } from '../../policy/seats';
import { leavingGroupsOps } from '../memberships';
import { checkVersion, type WriteOptions } from '../write-options';
import { findUserView } from './reads';
import { retireUser } from './retire';
import { finalOps, lockedUser, tailOps } from './write-steps';

/** directory.user.deleted's `data.reason` when a keeping leaving policy could keep no more users. */
const KEPT_LIMIT_REASON = 'kept_users_limit';

/** Deletes the locked user (`wasActive`: it held a seat), with its event. */
export function* removeUser(env: SqlEnv, scope: DirectoryScope & { id: string }, last: unknown, wasActive: boolean): SqlProgram<void> {
  // Its groups' member counts before its memberships go with it (the foreign key's cascade), in the same trip.
  const removed = yield* together([
    ...leavingGroupsOps(scope.id, scope.directoryId, 'cascade'),
    allOp(`DELETE FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ? RETURNING "id"`, [scope.id, scope.directoryId]),
  ]);
  if (!removed.at(-1)?.length) {
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
 * deactivated and in no group (retire.ts). Returns the decision log's words, and whether the user was kept.
 */
export function deleteDirectoryUser(
  scope: DirectoryScope & { id: string },
  { ifMatch, keep = true }: DeleteOptions = {},
): Promise<{ decision: string; kept: boolean }> {
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
      const decision = keep ? 'deleted' : 'deleted at once: the directory keeps as many deleted users as it may (SCIM_MAX_KEPT_USERS_PER_DIRECTORY)';
      return { decision, kept: false };
    }
    yield* retireUser(env, scope, view, seatsOps(scope.organizationId, view.row.active ? -1 : 0));
    const decision =
      leaving.mode === 'delete_after'
        ? `deleted from SCIM; kept deactivated, deleted after ${leaving.deleteAfterDays} days (leaving policy)`
        : 'deleted from SCIM; kept deactivated (leaving policy)';
    return { decision, kept: true };
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
