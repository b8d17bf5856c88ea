// Group selection (issue 19): per directory, the host sees every group, or only those the IT admin chose. Groups
// not selected are kept and SCIM works on them as ever; the host gets no rows, events or roles from them. A change
// of the selection tells the host what it now sees, as if those groups had been created or deleted, with their
// memberships and the role changes, in one transaction.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { rowsOf, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import type { DirectoryScope, PendingEvent } from '../events/event-types';
import { groupSnapshotSql, userSnapshotsSql } from '../events/snapshots';
import { writeEventsSql } from '../events/write-events';
import { recomputeRolesSql, type RoleChange } from '../roles/recompute-roles';
import { roleChangeEvents } from '../roles/role-events';
import { lockRoleEditors, lockRolesExclusive } from '../roles/role-locks';
import { groupSelectionOp, selectionModeOf, setGroupSelectionMode, type GroupSelectionMode } from './directories';
import type { DirectoryGroupRow } from './groups/reads';
import { applyGroupSelection, selectedGroupIds, unknownGroupIds } from './groups/selection';
import { membersOf } from './memberships';
import { userViews } from './users/reads';

export interface GroupSelection {
  mode: GroupSelectionMode;
  /** The selected groups when `mode` is "selected"; empty for "all". */
  groupIds: string[];
}

/**
 * Memberships one change may move at most: each is an event and a user's roles recomputed in the transaction, so a
 * larger change would hold the directory's role lock (and, on SQLite, the process) for too long.
 */
export const MAX_SELECTION_MEMBERSHIPS = 20_000;

export interface SelectionChange {
  appearing: { row: DirectoryGroupRow; members: number }[];
  disappearing: { row: DirectoryGroupRow; members: number }[];
  roleChanges: RoleChange[];
  events: PendingEvent[];
}

export function readGroupSelection(directoryId: string): Promise<GroupSelection> {
  return read(function* () {
    const mode = selectionModeOf(yield* rowsOf(groupSelectionOp(directoryId)));
    return { mode, groupIds: mode === 'selected' ? yield* selectedGroupIds(directoryId) : [] };
  });
}

function* changeSelection(env: SqlEnv, scope: DirectoryScope, { mode, groupIds }: GroupSelection): SqlProgram<SelectionChange> {
  const ids = mode === 'selected' ? [...new Set(groupIds)] : [];
  const unknown = yield* unknownGroupIds(env, scope.directoryId, ids);
  if (unknown.length) throw new DomainError('invalid', `groupIds: unknown group "${unknown[0]}" in this directory`);
  const { appearing, disappearing } = yield* applyGroupSelection(env, scope.directoryId, mode, ids);
  yield* setGroupSelectionMode(env, { id: scope.directoryId, mode });
  const members = yield* membersOf(
    env,
    [...appearing, ...disappearing].map((g) => g.id),
  );
  const moved = [...members.values()].reduce((n, m) => n + m.length, 0);
  if (moved > MAX_SELECTION_MEMBERSHIPS) {
    throw new DomainError(
      'invalid',
      `This change moves ${moved} memberships; at most ${MAX_SELECTION_MEMBERSHIPS} at once: change the selection in smaller steps`,
    );
  }
  const users = [...new Set([...members.values()].flatMap((m) => m.map((x) => x.userId)))];
  const roleChanges = yield* recomputeRolesSql(env, scope.directoryId, users, undefined, { configChange: true });
  const snaps = yield* userSnapshotsSql(env, scope.directoryId, users);
  const events: PendingEvent[] = [];
  // As the host would have seen it: a group's members leave before it is deleted, and join after it is created.
  for (const g of disappearing) {
    const group = { id: g.id, displayName: g.displayName };
    for (const m of members.get(g.id) ?? [])
      events.push({ type: 'directory.group.user_removed', data: { group, user: snaps.get(m.userId) ?? { id: m.userId } } });
    events.push({ type: 'directory.group.deleted', data: yield* groupSnapshotSql(env, g) });
  }
  for (const g of appearing) {
    const group = { id: g.id, displayName: g.displayName };
    events.push({ type: 'directory.group.created', data: yield* groupSnapshotSql(env, g) });
    for (const m of members.get(g.id) ?? [])
      if (snaps.has(m.userId)) events.push({ type: 'directory.group.user_added', data: { group, user: snaps.get(m.userId) } });
  }
  events.push(...(yield* roleChangeEvents(env, scope.directoryId, roleChanges)));
  const counted = (rows: DirectoryGroupRow[]) => rows.map((row) => ({ row, members: members.get(row.id)?.length ?? 0 }));
  return { appearing: counted(appearing), disappearing: counted(disappearing), roleChanges, events };
}

/** Sets the selection, audited with its actor; the host's events in the same transaction. */
export function setGroupSelection(scope: DirectoryScope, selection: GroupSelection, actor: string): Promise<SelectionChange> {
  return write(function* (env) {
    // No membership change or group creation of this directory runs alongside (role-locks.ts).
    yield* lockRolesExclusive(env, scope.directoryId);
    const change = yield* changeSelection(env, scope, selection);
    const details = {
      mode: selection.mode,
      groupIds: selection.groupIds.length,
      appearing: change.appearing.length,
      disappearing: change.disappearing.length,
      usersAffected: change.roleChanges.length,
    };
    yield* auditSql(env, {
      hostId: scope.hostId,
      organizationId: scope.organizationId,
      actor,
      action: 'group_selection.changed',
      target: scope.directoryId,
      details,
    });
    yield* writeEventsSql(env, scope, change.events);
    return change;
  });
}

class Rollback extends Error {
  constructor(readonly change: SelectionChange) {
    super('preview');
  }
}

/** What a change of the selection would do: applied in a transaction, then rolled back. */
export async function previewGroupSelection(scope: DirectoryScope, selection: GroupSelection): Promise<SelectionChange> {
  try {
    await write(function* (env) {
      yield* lockRoleEditors(env, scope.directoryId);
      throw new Rollback(yield* changeSelection(env, scope, selection));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.change;
    throw e;
  }
  throw new Error('unreachable: the preview always rolls back');
}

/** The groups and users a change names at most in its summary; the counts are whole. */
const SAMPLE = 50;

/** What a change does to the host's view, counted, with the first groups and users named (the host API's and the portal's answer). */
export async function summarizeSelectionChange(directoryId: string, c: SelectionChange) {
  const sample = c.roleChanges.slice(0, SAMPLE);
  const users = await read((env) =>
    userViews(
      env,
      directoryId,
      sample.map((r) => r.userId),
    ),
  );
  const groups = (list: SelectionChange['appearing']) => ({
    count: list.length,
    groups: list.slice(0, SAMPLE).map((g) => ({ id: g.row.id, displayName: g.row.displayName, memberCount: g.members })),
  });
  return {
    appearing: groups(c.appearing),
    disappearing: groups(c.disappearing),
    roleChanges: {
      count: c.roleChanges.length,
      users: sample.map((r) => ({ id: r.userId, userName: users.get(r.userId)?.row.userName ?? r.userId, before: r.before, after: r.after })),
    },
  };
}
