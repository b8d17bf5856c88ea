// Who may change roles at the same time. Stored roles are recomputed inside the write that moves them, so two
// writes that each read what the other is changing would leave roles wrong under PostgreSQL's read committed:
// - a mapping or default role saved while a member joins: the save doesn't see the new member, the join doesn't
//   see the new mapping (the member never gets the role);
// - a user leaving two groups mapped to one role at once: each removal still sees the other group (the user keeps
//   a role they hold through nothing).
// So, per directory: writes whose roles depend on the configuration take a shared lock and read the configuration
// after it, and a configuration change takes the same lock exclusively; and a recompute locks the users it
// recomputes (in id order), then reads their memberships. SQLite runs one write transaction at a time: its dialect
// takes no locks, but the configuration is still read inside the transaction.
import { together, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';
import { roleConfigOf, roleConfigOp, type RoleConfig } from './recompute-roles';

/** The class of the directories' role locks, and of their editors' (a save and a preview take turns). */
const ROLE_LOCK_CLASS = 0x524f4c45; // "ROLE"
const EDITOR_LOCK_CLASS = 0x52454449; // "REDI"

/** The statements taking the directory's role lock shared (none on SQLite). */
export function rolesSharedLockOps(env: SqlEnv, directoryId: string): SqlOp[] {
  return env.dialect.lock('shared', ROLE_LOCK_CLASS, directoryId);
}

/** Takes the shared lock and reads the configuration after it (a statement of its own: a later snapshot), in one round trip. */
export function* lockedRoleConfig(env: SqlEnv, directoryId: string): SqlProgram<RoleConfig> {
  const results = yield* together([...rolesSharedLockOps(env, directoryId), roleConfigOp(directoryId)]);
  return roleConfigOf(results[results.length - 1][0] ?? null);
}

/**
 * For a preview of a configuration change, first thing in its transaction: it waits for a save of the same
 * directory (whose mapping rows it would collide with) but never holds the IdP's membership changes back.
 */
export function* lockRoleEditors(env: SqlEnv, directoryId: string): SqlProgram<void> {
  const ops = env.dialect.lock('exclusive', EDITOR_LOCK_CLASS, directoryId);
  if (ops.length) yield* together(ops);
}

/** For a change of the configuration itself (mappings, default role), first thing in its transaction. */
export function* lockRolesExclusive(env: SqlEnv, directoryId: string): SqlProgram<void> {
  const ops = [...env.dialect.lock('exclusive', EDITOR_LOCK_CLASS, directoryId), ...env.dialect.lock('exclusive', ROLE_LOCK_CLASS, directoryId)];
  if (ops.length) yield* together(ops);
}
