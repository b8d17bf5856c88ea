// Recomputing a directory's mapped values after its mapping changed (issue 18, item 3): one job row per directory
// (a new mapping restarts it), users taken in (createdAt, id) order in paced batches of BATCH, each one transaction
// that moves the job's cursor, so a restart resumes where the last committed batch ended. A user whose values
// changed gets a `directory.user.updated` event with `previousAttributes.customAttributes`; the others none. A last
// sweep takes the users a concurrent SCIM write stamped with the mapping it read before the change.
import { read, write } from '../db/database';
import { columns, decode, updateOp } from '../db/rows';
import type { AttributeRemapJobRow, DirectoryUserRow } from '../db/schema';
import { all, one, run, together, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { userOf, userViews } from '../directory/users/reads';
import type { PendingEvent } from '../events/event-types';
import { previousAttributes } from '../events/snapshots';
import { writeEventsSql } from '../events/write-events';
import { toApiUser } from '../host-api/serialize';
import type { ScimObject } from '../scim/types';
import { mappedColumns } from './mapping';
import { mappingContextSql } from './mapping-context';

const BATCH = 200;
/** After each batch the job waits this many times the batch's own time: it takes about a quarter of the process. */
const PAUSE_FACTOR = 3;

/** Starts (or restarts) the directory's job for mapping `version`, inside the transaction that saved it. */
export function* startRemapSql(env: SqlEnv, directoryId: string, version: number): SqlProgram<void> {
  const counted = yield* one(`SELECT COUNT(*) AS "n" FROM "DirectoryUser" WHERE "directoryId" = ?`, [directoryId]);
  const now = env.dialect.now;
  yield* run(
    `INSERT INTO "AttributeRemapJob" ("directoryId", "version", "status", "total", "done", "changed", "cursorAt", "cursorId", "startedAt", "updatedAt", "finishedAt")
     VALUES (?, ?, 'running', ?, 0, 0, NULL, '', ${now}, ${now}, NULL)
     ON CONFLICT ("directoryId") DO UPDATE SET "version" = excluded."version", "status" = 'running', "total" = excluded."total", "done" = 0,
       "changed" = 0, "cursorAt" = NULL, "cursorId" = '', "startedAt" = excluded."startedAt", "updatedAt" = excluded."updatedAt", "finishedAt" = NULL`,
    [directoryId, version, Number(counted?.n ?? 0)],
  );
}

const STALE = `u."directoryId" = ? AND u."mappingVersion" <> ?`;
const AFTER = `(u."createdAt" > ? OR (u."createdAt" = ? AND u."id" > ?))`;

function* batchOf(job: AttributeRemapJobRow): SqlProgram<DirectoryUserRow[]> {
  // The main pass walks the directory from the cursor; the sweep ('sweep') takes whatever is still stale.
  const [where, params] =
    job.status === 'running' && job.cursorAt
      ? [`${STALE} AND ${AFTER}`, [job.directoryId, job.version, job.cursorAt, job.cursorAt, job.cursorId]]
      : [STALE, [job.directoryId, job.version]];
  const rows = yield* all(
    `SELECT ${columns('DirectoryUser', 'u')} FROM "DirectoryUser" u WHERE ${where} ORDER BY u."createdAt", u."id" LIMIT ${BATCH}`,
    params,
  );
  return rows.map(userOf);
}

/** One batch of the directory's job; false when there is nothing left to do. */
export function* remapBatchSql(env: SqlEnv, directoryId: string): SqlProgram<boolean> {
  const found = yield* one(
    `SELECT ${columns('AttributeRemapJob', 'j')}, o."hostId" AS "hostId", d."organizationId" AS "organizationId" FROM "AttributeRemapJob" j
     JOIN "Directory" d ON d."id" = j."directoryId" JOIN "Organization" o ON o."id" = d."organizationId" WHERE j."directoryId" = ?${env.dialect.forUpdate}`,
    [directoryId],
  );
  const job = found && decode('AttributeRemapJob', found);
  if (!found || !job || (job.status !== 'running' && job.status !== 'sweep')) return false;
  const scope = { hostId: String(found.hostId), organizationId: String(found.organizationId), directoryId };
  const ctx = yield* mappingContextSql(scope.hostId, directoryId);
  const users = yield* batchOf(job);
  const updates = users.flatMap((u) => {
    const { cols } = mappedColumns(JSON.parse(u.raw) as ScimObject, ctx);
    const next = { ...cols, mappingVersion: job.version };
    if (next.customAttributes === u.customAttributes && next.attributeWarnings === u.attributeWarnings && u.mappingVersion === job.version) return [];
    return [{ user: u, next, valuesChanged: next.customAttributes !== u.customAttributes || next.attributeWarnings !== u.attributeWarnings }];
  });
  const changedIds = updates.filter((x) => x.valuesChanged).map((x) => x.user.id);
  const views = changedIds.length ? yield* userViews(env, directoryId, changedIds) : new Map();
  // The SCIM version guards against a concurrent write of the same user: that write computed its own values.
  const written = yield* together(
    updates.map(({ user, next }) =>
      updateOp(env.dialect, 'DirectoryUser', next, '"id" = ? AND "directoryId" = ? AND "version" = ?', [user.id, directoryId, user.version], '"id"', true),
    ),
  );
  const events: PendingEvent[] = [];
  updates.forEach(({ user, next, valuesChanged }, i) => {
    const view = views.get(user.id);
    if (!valuesChanged || !view || written[i].length === 0) return;
    const before = toApiUser(view.row, view.groups, view.roles);
    const after = toApiUser({ ...view.row, ...next }, view.groups, view.roles);
    events.push({ type: 'directory.user.updated', data: after, previousAttributes: previousAttributes(before, after) });
  });
  if (events.length) yield* writeEventsSql(env, scope, events);
  const last = users[users.length - 1];
  const finished = users.length < BATCH;
  const status = finished ? (job.status === 'running' ? 'sweep' : 'done') : job.status;
  yield* run(
    `UPDATE "AttributeRemapJob" SET "status" = ?, "done" = ?, "changed" = "changed" + ?, "cursorAt" = ?, "cursorId" = ?, "updatedAt" = ${env.dialect.now},
       "finishedAt" = ${status === 'done' ? env.dialect.now : 'NULL'} WHERE "directoryId" = ?`,
    [status, Math.min(job.total, job.done + users.length), events.length, last?.createdAt ?? job.cursorAt, last?.id ?? job.cursorId, directoryId],
  );
  return status !== 'done';
}

// Directories whose job runs in this process: one loop each; a restarted job is picked up by the loop's next batch.
const running = new Set<string>();

/** Runs the directory's job to its end in the background (or lets the loop already running here pick it up). */
export function kickRemap(directoryId: string): Promise<void> {
  if (running.has(directoryId)) return Promise.resolve();
  running.add(directoryId);
  return (async () => {
    try {
      // On SQLite a batch runs synchronously (database.ts): unpaced, back-to-back batches would starve SCIM requests.
      for (;;) {
        const started = performance.now();
        if (!(await write((env) => remapBatchSql(env, directoryId)))) break;
        await new Promise((r) => setTimeout(r, (performance.now() - started) * PAUSE_FACTOR));
      }
    } finally {
      running.delete(directoryId);
    }
  })();
}

/** Resumes the jobs a stopped process left unfinished (at start, instrumentation.ts); settles when they are done. */
export async function resumeRemapJobs(): Promise<void> {
  const rows = await read(() => all(`SELECT "directoryId" FROM "AttributeRemapJob" WHERE "status" IN ('running', 'sweep')`));
  await Promise.all(rows.map((r) => kickRemap(String(r.directoryId))));
}

export interface RemapJobStatus {
  status: 'running' | 'done';
  version: number;
  total: number;
  done: number;
  changed: number;
  startedAt: string;
  finishedAt: string | null;
}

export async function readRemapJob(directoryId: string): Promise<RemapJobStatus | null> {
  const r = await read(() => one(`SELECT ${columns('AttributeRemapJob')} FROM "AttributeRemapJob" WHERE "directoryId" = ?`, [directoryId]));
  if (!r) return null;
  const j = decode('AttributeRemapJob', r);
  return {
    status: j.status === 'done' ? 'done' : 'running',
    version: j.version,
    total: j.total,
    done: j.status === 'done' ? j.total : j.done,
    changed: j.changed,
    startedAt: j.startedAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
