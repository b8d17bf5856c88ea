// One batch of a directory's remap job (remap-job.ts), in three steps so SCIM requests interleave with it: a read of
// the job and the next users (only the columns the mapping needs), the values computed in JS in small slices between
// turns of the event loop, and one write transaction: one UPDATE for the whole batch (guarded by each user's SCIM
// version: a concurrent write computed its own values), the events of the users whose values changed, the cursor.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { read, write } from '../db/database';
import { columns, decode } from '../db/rows';
import type { AttributeRemapJobRow } from '../db/schema';
import { all, one, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { userViews } from '../directory/users/reads';
import type { DirectoryScope, PendingEvent } from '../events/event-types';
import { previousAttributes } from '../events/snapshots';
import { writeEventsSql } from '../events/write-events';
import { toApiUser } from '../host-api/serialize';
import type { ScimObject } from '../scim/types';
import { mappedColumns, type MappingContext } from './mapping';
import { mappingContextSql } from './mapping-context';

/** Users per batch (one transaction). */
export const BATCH = 200;
/** Users computed between two turns of the event loop: about a millisecond of work. */
const SLICE = 20;

interface StaleUser {
  id: string;
  raw: string;
  customAttributes: string | null;
  attributeWarnings: string | null;
  mappingVersion: number;
  version: number;
  createdAt: string;
}

interface Batch {
  job: AttributeRemapJobRow;
  scope: DirectoryScope;
  ctx: MappingContext | null;
  users: StaleUser[];
}

const USER_COLS = `u."id", u."raw", u."customAttributes", u."attributeWarnings", u."mappingVersion", u."version", u."createdAt"`;

function* readBatchSql(env: SqlEnv, directoryId: string): SqlProgram<Batch | null> {
  const found = yield* one(
    `SELECT ${columns('AttributeRemapJob', 'j')}, o."hostId" AS "hostId", d."organizationId" AS "organizationId" FROM "AttributeRemapJob" j
     JOIN "Directory" d ON d."id" = j."directoryId" JOIN "Organization" o ON o."id" = d."organizationId" WHERE j."directoryId" = ?`,
    [directoryId],
  );
  const job = found && decode('AttributeRemapJob', found);
  if (!found || !job || (job.status !== 'running' && job.status !== 'sweep')) return null;
  const scope = { hostId: String(found.hostId), organizationId: String(found.organizationId), directoryId };
  const ctx = yield* mappingContextSql(scope.hostId, directoryId);
  // The main pass walks the directory from the cursor (index directoryId, createdAt, id: a row value, so the index
  // seeks to it rather than reading every user before it), current users skipped in JS; the sweep takes the users a write stamped with an older mapping (index directoryId, mappingVersion).
  const rows =
    job.status === 'running'
      ? yield* all(
          `SELECT ${USER_COLS} FROM "DirectoryUser" u WHERE u."directoryId" = ?${job.cursorAt ? ` AND (u."createdAt", u."id") > (?, ?)` : ''}
           ORDER BY u."createdAt", u."id" LIMIT ${BATCH}`,
          job.cursorAt ? [directoryId, job.cursorAt, job.cursorId] : [directoryId],
        )
      : yield* all(`SELECT ${USER_COLS} FROM "DirectoryUser" u WHERE u."directoryId" = ? AND u."mappingVersion" < ? LIMIT ${BATCH}`, [
          directoryId,
          job.version,
        ]);
  const users = rows.map((r) => ({
    id: String(r.id),
    raw: String(r.raw),
    customAttributes: r.customAttributes == null ? null : String(r.customAttributes),
    attributeWarnings: r.attributeWarnings == null ? null : String(r.attributeWarnings),
    mappingVersion: Number(r.mappingVersion),
    version: Number(r.version),
    createdAt: r.createdAt instanceof Date ? r.createdAt.toISOString() : String(r.createdAt),
  }));
  return { job, scope, ctx, users };
}

interface Update {
  user: StaleUser;
  customAttributes: string | null;
  attributeWarnings: string | null;
  changed: boolean;
}

/** The batch's new values, SLICE users per turn of the event loop; users already current are left out. */
async function compute(batch: Batch): Promise<Update[]> {
  const out: Update[] = [];
  for (let i = 0; i < batch.users.length; i++) {
    if (i > 0 && i % SLICE === 0) await nextTurn();
    const u = batch.users[i];
    if (u.mappingVersion === batch.job.version) continue;
    const { cols } = mappedColumns(JSON.parse(u.raw) as ScimObject, batch.ctx);
    const changed = cols.customAttributes !== u.customAttributes || cols.attributeWarnings !== u.attributeWarnings;
    out.push({ user: u, customAttributes: cols.customAttributes, attributeWarnings: cols.attributeWarnings, changed });
  }
  return out;
}

function* writeBatchSql(env: SqlEnv, batch: Batch, updates: Update[]): SqlProgram<boolean> {
  const { job, scope, users } = batch;
  // Another process (or a new mapping) moved the job since the read: this batch is not ours to write.
  const now = yield* one(`SELECT "version", "status", "cursorId" FROM "AttributeRemapJob" WHERE "directoryId" = ?${env.dialect.forUpdate}`, [
    scope.directoryId,
  ]);
  if (!now || Number(now.version) !== job.version || now.status !== job.status || now.cursorId !== job.cursorId) return true;
  const written = new Set<string>();
  if (updates.length) {
    const from = env.dialect.rowsFrom(
      [
        ['uid', 'text'],
        ['version', 'int'],
        ['customAttributes', 'text'],
        ['attributeWarnings', 'text'],
      ],
      updates.map((x) => [x.user.id, x.user.version, x.customAttributes, x.attributeWarnings]),
    );
    const rows = yield* all(
      `UPDATE "DirectoryUser" AS u SET "customAttributes" = v."customAttributes", "attributeWarnings" = v."attributeWarnings", "mappingVersion" = ?
       FROM ${from.sql} WHERE u."id" = v."uid" AND u."directoryId" = ? AND u."version" = v."version" RETURNING "id"`,
      [job.version, ...from.params, scope.directoryId],
    );
    for (const r of rows) written.add(String(r.id));
  }
  const changed = updates.filter((x) => x.changed && written.has(x.user.id));
  const views = changed.length
    ? yield* userViews(
        env,
        scope.directoryId,
        changed.map((x) => x.user.id),
      )
    : new Map();
  const events: PendingEvent[] = [];
  for (const x of changed) {
    const view = views.get(x.user.id);
    if (!view) continue;
    const before = toApiUser({ ...view.row, customAttributes: x.user.customAttributes, attributeWarnings: x.user.attributeWarnings }, view.groups, view.roles);
    const after = toApiUser(view.row, view.groups, view.roles);
    events.push({ type: 'directory.user.updated', data: after, previousAttributes: previousAttributes(before, after) });
  }
  if (events.length) yield* writeEventsSql(env, scope, events);
  const last = users[users.length - 1];
  const finished = users.length < BATCH;
  const status = finished ? (job.status === 'running' ? 'sweep' : 'done') : job.status;
  yield* run(
    `UPDATE "AttributeRemapJob" SET "status" = ?, "done" = ?, "changed" = "changed" + ?, "cursorAt" = ?, "cursorId" = ?, "updatedAt" = ${env.dialect.now},
       "finishedAt" = ${status === 'done' ? env.dialect.now : 'NULL'} WHERE "directoryId" = ?`,
    [
      status,
      Math.min(job.total, job.done + (job.status === 'running' ? users.length : 0)),
      events.length,
      job.status === 'running' && last ? new Date(last.createdAt) : job.cursorAt,
      job.status === 'running' && last ? last.id : job.cursorId,
      scope.directoryId,
    ],
  );
  return status !== 'done';
}

/** One batch of the directory's job; false when there is nothing left to do. */
export async function remapBatch(directoryId: string): Promise<boolean> {
  const batch = await read((env) => readBatchSql(env, directoryId));
  if (!batch) return false;
  const updates = await compute(batch);
  return write((env) => writeBatchSql(env, batch, updates));
}
