// A change of the group selection too large for one transaction (issue 19) runs as a job: its groups are queued on
// the directory's GroupSelectionJob row, and each batch moves up to SELECTION_JOB_BATCH memberships of the first
// one in its own transaction, under the directory's exclusive role lock, with the events the one-transaction path
// emits. A group being moved already has its target `selected`; its syncCursor (the last member moved, bytewise)
// says which memberships the host has been told of (selection.ts), so SCIM writes racing the job tell the host
// exactly what it doesn't know yet. Progress is committed with each batch: a restart resumes where it stopped.
import { read, write } from '../db/database';
import { asDateOrNull, insertOp, jsonOf, updateOp } from '../db/rows';
import { all, allOp, changes, one, run, together, type SqlEnv, type SqlProgram, type SqlRow } from '../db/sql-program';
import type { DirectoryScope, PendingEvent } from '../events/event-types';
import { groupSnapshotSql, userSnapshotsSql } from '../events/snapshots';
import { writeEventsSql } from '../events/write-events';
import { recomputeRolesSql } from '../roles/recompute-roles';
import { roleChangeEvents } from '../roles/role-events';
import { lockRolesExclusive } from '../roles/role-locks';
import type { GroupSelectionMode } from './directories';
import { findGroup } from './groups/reads';

/** Memberships one batch moves at most: a tenth of what one transaction may move (group-selection.ts). */
const SELECTION_JOB_BATCH = 2_000;

export interface SelectionJob {
  status: 'running' | 'done';
  mode: GroupSelectionMode;
  groupIds: string[];
  /** Memberships moved, of `total` (counted when the job started; the IdP may change them meanwhile). */
  done: number;
  total: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** [groupId, appearing]: the groups still to move, disappearing ones first, as the one-transaction path orders them. */
type Queued = [string, boolean];

const jobOf = (r: SqlRow): SelectionJob => ({
  status: r.status === 'done' ? 'done' : 'running',
  mode: r.mode === 'selected' ? 'selected' : 'all',
  groupIds: jsonOf<string[]>(r.groupIds, []),
  done: Number(r.done),
  total: Number(r.total),
  startedAt: asDateOrNull(r.startedAt) ?? new Date(0),
  finishedAt: asDateOrNull(r.finishedAt),
});

/** The directory's last selection job (running or done), or null. */
export function* readSelectionJob(directoryId: string): SqlProgram<SelectionJob | null> {
  const r = yield* one(`SELECT * FROM "GroupSelectionJob" WHERE "directoryId" = ?`, [directoryId]);
  return r ? jobOf(r) : null;
}

/** Queues a job (the caller holds the exclusive role lock and has set the directory's mode): the last job's row is replaced. */
export function* queueSelectionJob(
  env: SqlEnv,
  directoryId: string,
  job: { mode: GroupSelectionMode; groupIds: string[]; appearing: string[]; disappearing: string[]; total: number; actor: string },
): SqlProgram<SelectionJob> {
  const queue: Queued[] = [...job.disappearing.map((id): Queued => [id, false]), ...job.appearing.map((id): Queued => [id, true])];
  yield* run(`DELETE FROM "GroupSelectionJob" WHERE "directoryId" = ?`, [directoryId]);
  const row = {
    directoryId,
    status: 'running',
    mode: job.mode,
    groupIds: JSON.stringify(job.groupIds),
    queue: JSON.stringify(queue),
    total: job.total,
    actor: job.actor,
    updatedAt: new Date(),
    finishedAt: null,
  };
  yield* changes(insertOp(env.dialect, 'GroupSelectionJob', [row]));
  return { status: 'running', mode: job.mode, groupIds: job.groupIds, done: 0, total: job.total, startedAt: new Date(), finishedAt: null };
}

/** One batch of the directory's running job; false when there is nothing left to do. */
function* batch(env: SqlEnv, directoryId: string, size: number): SqlProgram<boolean> {
  yield* lockRolesExclusive(env, directoryId);
  const [jobs, dirs] = yield* together([
    allOp(`SELECT "queue", "done", "total" FROM "GroupSelectionJob" WHERE "directoryId" = ? AND "status" = 'running'${env.dialect.forUpdate}`, [directoryId]),
    allOp(`SELECT d."organizationId", o."hostId" FROM "Directory" d JOIN "Organization" o ON o."id" = d."organizationId" WHERE d."id" = ?`, [directoryId]),
  ]);
  const [job, dir] = [jobs[0], dirs[0]];
  if (!job || !dir) return false;
  const scope: DirectoryScope = { hostId: String(dir.hostId), organizationId: String(dir.organizationId), directoryId };
  const queue = jsonOf<Queued[]>(job.queue, []);
  const save = (set: Record<string, unknown>) =>
    changes(updateOp(env.dialect, 'GroupSelectionJob', { queue: JSON.stringify(queue), ...set }, '"directoryId" = ?', [directoryId]));
  if (queue.length === 0) {
    yield* save({ status: 'done', done: Number(job.total), finishedAt: new Date() });
    return false;
  }
  const [groupId, appearing] = queue[0];
  const group = yield* findGroup(env, { directoryId, id: groupId, lock: true });
  if (!group) {
    // Deleted by the IdP meanwhile: its deletion told the host what it needed.
    queue.shift();
    yield* save({});
    return true;
  }
  const col = env.dialect.bytewise('"userId"');
  const users = (yield* all(`SELECT "userId" FROM "GroupMembership" WHERE "groupId" = ? AND ${col} > ? ORDER BY ${col} LIMIT ?`, [
    groupId,
    group.syncCursor ?? '',
    size,
  ])).map((r) => String(r.userId));
  // The group's last batch leaves no cursor: every membership is then on the host's side (or none is).
  const cursor = users.length === size ? users[users.length - 1] : null;
  const first = group.syncCursor === null;
  yield* changes(updateOp(env.dialect, 'DirectoryGroup', { selected: appearing, syncCursor: cursor }, '"id" = ?', [groupId], undefined, true));
  const moved = { ...group, selected: appearing, syncCursor: cursor };
  const ref = { id: group.id, displayName: group.displayName };
  const events: PendingEvent[] = [];
  if (first && appearing) events.push({ type: 'directory.group.created', data: yield* groupSnapshotSql(env, moved) });
  const roleChanges = yield* recomputeRolesSql(env, directoryId, users, undefined, { configChange: true });
  const snaps = yield* userSnapshotsSql(env, directoryId, users);
  for (const u of users)
    events.push({ type: appearing ? 'directory.group.user_added' : 'directory.group.user_removed', data: { group: ref, user: snaps.get(u) ?? { id: u } } });
  if (!appearing && cursor === null) events.push({ type: 'directory.group.deleted', data: yield* groupSnapshotSql(env, moved) });
  events.push(...(yield* roleChangeEvents(env, directoryId, roleChanges)));
  if (cursor === null) queue.shift();
  yield* save({ done: Math.min(Number(job.done) + users.length, Number(job.total)) });
  yield* writeEventsSql(env, scope, events);
  return true;
}

/** This process's jobs under way: one runner per directory here (another process's batches queue on the row lock). */
const running = new Set<string>();

/** How a job runs: memberships per batch, and (tests: a process stopping midway) at most so many batches. */
export interface JobRun {
  batch?: number;
  maxBatches?: number;
}

/** Runs the directory's job to its end (or `maxBatches`), a batch per transaction. */
export async function runSelectionJob(directoryId: string, { batch: size = SELECTION_JOB_BATCH, maxBatches = Infinity }: JobRun = {}): Promise<void> {
  if (running.has(directoryId)) return;
  running.add(directoryId);
  try {
    for (let n = 0; n < maxBatches && (await write((env) => batch(env, directoryId, size))); n++) {
      // Let other requests in between batches (on SQLite a batch holds the process).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    running.delete(directoryId);
  }
}

/** Resumes every running job (after a restart, or one whose runner failed). */
async function resumeSelectionJobs(run: JobRun = {}): Promise<void> {
  const jobs = await read(() => all(`SELECT "directoryId" FROM "GroupSelectionJob" WHERE "status" = 'running'`));
  for (const { directoryId } of jobs) await runSelectionJob(String(directoryId), run);
}

let timer: NodeJS.Timeout | null = null;

/** Resumes jobs at start and then every half minute. */
export function startSelectionJobs(everyMs = 30_000): void {
  if (timer) return;
  const run = () => void resumeSelectionJobs().catch((e: unknown) => console.error(`group selection job: ${(e as Error).message}`));
  timer = setInterval(run, everyMs);
  timer.unref();
  setTimeout(run, 1_000).unref();
}
