// Group selection (issue 19): per directory, the host sees every group, or only those the IT admin chose. Groups
// not selected are kept and SCIM works on them as ever; the host gets no rows, events or roles from them. A change
// of the selection tells the host what it now sees, as if those groups had been created or deleted, with their
// memberships and the role changes, in one transaction; a change moving more memberships than one transaction
// may runs as a background job (selection-job.ts), batch by batch, with the same events.
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
import { applyGroupSelection, planGroupSelection, selectedGroupIds, unknownGroupIds } from './groups/selection';
import { queueSelectionJob, readSelectionJob, runSelectionJob, type JobRun, type SelectionJob } from './selection-job';
import { membersOf } from './memberships';
import { userViews } from './users/reads';

export interface GroupSelection {
  mode: GroupSelectionMode;
  /** The selected groups when `mode` is "selected"; empty for "all". */
  groupIds: string[];
}

/** The selection, and the last job that moved it (running: the selection is its target, still being moved). */
export interface GroupSelectionState extends GroupSelection {
  job: SelectionJob | null;
}

/**
 * Memberships one transaction may move at most: each is an event and a user's roles recomputed, so a larger change
 * would hold the directory's role lock (and, on SQLite, the process) for too long: it runs as a job instead.
 */
export const MAX_SELECTION_MEMBERSHIPS = 20_000;

export interface SelectionChange {
  appearing: { row: DirectoryGroupRow; members: number }[];
  disappearing: { row: DirectoryGroupRow; members: number }[];
  roleChanges: RoleChange[];
  events: PendingEvent[];
  /** Too large for one transaction: moved by a background job (role changes are then known only as it runs). */
  background: boolean;
}

export function readGroupSelection(directoryId: string): Promise<GroupSelectionState> {
  return read(function* () {
    const job = yield* readSelectionJob(directoryId);
    if (job?.status === 'running') return { mode: job.mode, groupIds: job.groupIds, job };
    const mode = selectionModeOf(yield* rowsOf(groupSelectionOp(directoryId)));
    return { mode, groupIds: mode === 'selected' ? yield* selectedGroupIds(directoryId) : [], job };
  });
}

/** A selection job as the host API and the portal show it. */
export const toApiSelectionJob = (job: SelectionJob | null) =>
  job && { status: job.status, done: job.done, total: job.total, startedAt: job.startedAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null };

/** A change too large for one transaction, as planned (nothing applied): its groups with their member counts. */
function* plannedChange(env: SqlEnv, scope: DirectoryScope, { mode, groupIds }: GroupSelection): SqlProgram<SelectionChange & { total: number }> {
  const ids = mode === 'selected' ? [...new Set(groupIds)] : [];
  const unknown = yield* unknownGroupIds(env, scope.directoryId, ids);
  if (unknown.length) throw new DomainError('invalid', `groupIds: unknown group "${unknown[0]}" in this directory`);
  const plan = yield* planGroupSelection(env, scope.directoryId, mode, ids);
  const counted = (rows: DirectoryGroupRow[]) => rows.map((row) => ({ row, members: plan.members.get(row.id) ?? 0 }));
  const total = [...plan.members.values()].reduce((n, m) => n + m, 0);
  return { appearing: counted(plan.appearing), disappearing: counted(plan.disappearing), roleChanges: [], events: [], background: true, total };
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
  return { appearing: counted(appearing), disappearing: counted(disappearing), roleChanges, events, background: false };
}

/**
 * Sets the selection, audited with its actor: the host's events in the same transaction, or for a change too large
 * for one, a job started (`job`) that moves it batch by batch. Refused while a job of the directory runs.
 */
export async function setGroupSelection(
  scope: DirectoryScope,
  selection: GroupSelection,
  actor: string,
  // Tests: a smaller limit and batch, or the job left for resumeSelectionJobs.
  { inTransaction = MAX_SELECTION_MEMBERSHIPS, start = true, ...run }: JobRun & { inTransaction?: number; start?: boolean } = {},
): Promise<SelectionChange & { job: SelectionJob | null }> {
  const result = await write(function* (env) {
    // No membership change or group creation of this directory runs alongside (role-locks.ts).
    yield* lockRolesExclusive(env, scope.directoryId);
    const last = yield* readSelectionJob(scope.directoryId);
    if (last?.status === 'running') {
      throw new DomainError(
        'conflict',
        `A change of the group selection is under way (${last.done} of ${last.total} memberships moved): wait for it to finish`,
      );
    }
    const planned = yield* plannedChange(env, scope, selection);
    let job: SelectionJob | null = null;
    let change: SelectionChange = planned;
    if (planned.total > inTransaction) {
      yield* setGroupSelectionMode(env, { id: scope.directoryId, mode: selection.mode });
      const [appearing, disappearing] = [planned.appearing.map((g) => g.row.id), planned.disappearing.map((g) => g.row.id)];
      job = yield* queueSelectionJob(env, scope.directoryId, { ...selection, appearing, disappearing, total: planned.total, actor });
    } else change = yield* changeSelection(env, scope, selection);
    const details = {
      mode: selection.mode,
      groupIds: selection.groupIds.length,
      appearing: change.appearing.length,
      disappearing: change.disappearing.length,
      usersAffected: change.roleChanges.length,
      ...(job ? { job: { memberships: job.total } } : {}),
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
    return { ...change, job };
  });
  if (result.job && start) void runSelectionJob(scope.directoryId, run).catch((e: unknown) => console.error(`group selection job: ${(e as Error).message}`));
  return result;
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
      // A change for a job is previewed as planned: running it here would cost what the job spreads out.
      const planned = yield* plannedChange(env, scope, selection);
      throw new Rollback(planned.total > MAX_SELECTION_MEMBERSHIPS ? planned : yield* changeSelection(env, scope, selection));
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
    runsInBackground: c.background,
    appearing: groups(c.appearing),
    disappearing: groups(c.disappearing),
    roleChanges: {
      count: c.roleChanges.length,
      users: sample.map((r) => ({ id: r.userId, userName: users.get(r.userId)?.row.userName ?? r.userId, before: r.before, after: r.after })),
    },
  };
}
