// What leaving means (issue 19): when the IdP turns a user's `active` off or on, the organization's policy says
// whether the user is kept (and loses every role at once) or deleted; the host hears it as its own event.
import type { DirectoryUserRow } from '../db/schema';
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import type { PendingEvent } from '../events/event-types';
import { recomputeRolesSql, type RoleConfig } from '../roles/recompute-roles';
import type { ProvisioningPolicy } from './policy-store';

/** A user who just became inactive under a "delete" policy is deleted at once; otherwise it is kept. */
export const leavingDeletes = (policy: ProvisioningPolicy, written: Pick<DirectoryUserRow, 'active'>): boolean =>
  !written.active && policy.leaving.mode === 'delete';

/** The user's role keys after its `active` changed (recomputed; the caller holds the directory's shared role lock). */
export function* rolesAfterActiveChange(env: SqlEnv, directoryId: string, userId: string, before: string[], config: RoleConfig): SqlProgram<string[]> {
  const [change] = yield* recomputeRolesSql(env, directoryId, [userId], config);
  return change ? change.after : before;
}

/** `directory.user.deactivated` or `reactivated`, beside the `directory.user.updated` that shows what changed. */
export function activeChangeEvent(active: boolean, data: unknown): PendingEvent {
  return { type: active ? 'directory.user.reactivated' : 'directory.user.deactivated', data };
}
