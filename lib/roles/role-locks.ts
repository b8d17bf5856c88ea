// Who may change roles at the same time. Stored roles are recomputed inside the write that moves them, so two
// writes that each read what the other is changing would leave roles wrong under PostgreSQL's read committed:
// - a mapping or default role saved while a member joins: the save doesn't see the new member, the join doesn't
//   see the new mapping (the member never gets the role);
// - a user leaving two groups mapped to one role at once: each removal still sees the other group (the user keeps
//   a role they hold through nothing).
// So, per directory: writes whose roles depend on the configuration take a shared lock and read the configuration
// after it, and a configuration change takes the same lock exclusively; and a recompute locks the users it
// recomputes (in id order), then reads their memberships. SQLite runs one write transaction at a time: nothing to
// lock there, but the configuration is still read inside the transaction.
import type { Tx } from '../db/client';
import { allOp, together, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';
import { roleConfigOf, roleConfigOp, type RoleConfig } from './recompute-roles';

/** The first key of the two-key advisory locks (their own key space, apart from the events' one-key locks). */
const ROLE_LOCK_CLASS = 0x524f4c45; // "ROLE"
/** Editors of the configuration: a save and a preview (which writes, then rolls back) take turns. */
const EDITOR_LOCK_CLASS = 0x52454449; // "REDI"

const lockCall = (mode: 'shared' | 'exclusive', lockClass = ROLE_LOCK_CLASS) =>
  `pg_advisory_xact_lock${mode === 'shared' ? '_shared' : ''}(${lockClass}, hashtext(?))`;

/** The statement taking the directory's role lock shared, on PostgreSQL; none on SQLite. */
export function rolesSharedLockOps(env: SqlEnv, directoryId: string): SqlOp[] {
  return env.dialect === 'postgres' ? [allOp(`SELECT 1 AS "locked" FROM (SELECT ${lockCall('shared')}) l`, [directoryId])] : [];
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
export async function lockRoleEditors(tx: Tx, dialect: SqlEnv['dialect'], directoryId: string): Promise<void> {
  if (dialect === 'postgres') await tx.$executeRawUnsafe(`SELECT ${lockCall('exclusive', EDITOR_LOCK_CLASS).replace('?', '$1')}`, directoryId);
}

/** For a change of the configuration itself (mappings, default role), first thing in its transaction. */
export async function lockRolesExclusive(tx: Tx, dialect: SqlEnv['dialect'], directoryId: string): Promise<void> {
  await lockRoleEditors(tx, dialect, directoryId);
  if (dialect === 'postgres') await tx.$executeRawUnsafe(`SELECT ${lockCall('exclusive').replace('?', '$1')}`, directoryId);
}
