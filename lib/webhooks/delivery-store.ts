// WebhookDelivery and its WebhookAttempt log: their SQL, in one place. Deliveries are queued by the worker from the
// events feed (fan-out.ts), never by the write that made the event.
import { asDate, asInt, asStr, asStrOrNull } from '../db/rows';
import { all, one, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import type { EventRow } from '../events/feed';
import { newId } from '../ids';

export interface QueuedEvent {
  seq: number;
  id: string;
  directoryId: string | null;
}

/** Pending deliveries for these events (already queued ones are left as they are). */
export function* insertPending(endpointId: string, events: QueuedEvent[], now: Date): SqlProgram<void> {
  for (let i = 0; i < events.length; i += 200) {
    const part = events.slice(i, i + 200);
    yield* run(
      `INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventSeq", "eventId", "directoryId", "status", "attempts", "nextAttemptAt", "createdAt")
       VALUES ${part.map(() => `(?, ?, ?, ?, ?, 'pending', 0, ?, ?)`).join(', ')} ON CONFLICT ("endpointId", "eventSeq") DO NOTHING`,
      part.flatMap((e) => [newId('dlv'), endpointId, e.seq, e.id, e.directoryId, now, now]),
    );
  }
}

/** Replayed events: queued again whatever their state. */
export function* requeue(endpointId: string, events: QueuedEvent[], now: Date): SqlProgram<void> {
  for (let i = 0; i < events.length; i += 200) {
    const part = events.slice(i, i + 200);
    yield* run(
      `INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventSeq", "eventId", "directoryId", "status", "attempts", "nextAttemptAt", "createdAt")
       VALUES ${part.map(() => `(?, ?, ?, ?, ?, 'pending', 0, ?, ?)`).join(', ')}
       ON CONFLICT ("endpointId", "eventSeq") DO UPDATE SET "status" = 'pending', "attempts" = 0, "nextAttemptAt" = excluded."nextAttemptAt", "deliveredAt" = NULL`,
      part.flatMap((e) => [newId('dlv'), endpointId, e.seq, e.id, e.directoryId, now, now]),
    );
  }
}

export interface LaneDelivery {
  id: string;
  attempts: number;
  event: EventRow;
}

/** The next pending deliveries of a lane, oldest event first, with their events. */
export function* laneBatch(endpointId: string, directoryId: string, limit: number): SqlProgram<LaneDelivery[]> {
  const rows = yield* all(
    `SELECT d."id" AS "deliveryId", d."attempts", e."seq", e."id", e."type", e."createdAt", e."organizationId", e."directoryId", e."data", e."previousAttributes"
     FROM "WebhookDelivery" d JOIN "Event" e ON e."seq" = d."eventSeq"
     WHERE d."endpointId" = ? AND d."directoryId" ${directoryId ? '= ?' : 'IS NULL'} AND d."status" = 'pending'
     ORDER BY d."eventSeq" LIMIT ?`,
    directoryId ? [endpointId, directoryId, limit] : [endpointId, limit],
  );
  return rows.map((r) => ({
    id: asStr(r.deliveryId),
    attempts: asInt(r.attempts),
    event: {
      seq: asInt(r.seq),
      id: asStr(r.id),
      type: asStr(r.type),
      createdAt: asDate(r.createdAt),
      organizationId: asStrOrNull(r.organizationId),
      directoryId: asStrOrNull(r.directoryId),
      data: asStr(r.data),
      previousAttributes: asStrOrNull(r.previousAttributes),
    },
  }));
}

export interface AttemptResult {
  deliveryId: string;
  /** This attempt's number (1 for the first). */
  attempt: number;
  at: Date;
  status: number | null;
  error: string | null;
  latencyMs: number | null;
}

/** Records delivered attempts: one statement for the deliveries, one for the log, whatever their number. */
export function* recordDelivered(env: SqlEnv, results: AttemptResult[], now: Date): SqlProgram<void> {
  if (results.length === 0) return;
  yield* run(
    `UPDATE "WebhookDelivery" SET "status" = 'delivered', "attempts" = CAST(v.column2 AS INTEGER), "lastStatus" = CAST(v.column3 AS INTEGER),
       "lastLatencyMs" = CAST(v.column4 AS INTEGER), "lastError" = NULL, "deliveredAt" = ?
     FROM (VALUES ${results.map(() => '(?, ?, ?, ?)').join(', ')}) AS v WHERE "WebhookDelivery"."id" = v.column1`,
    [now, ...results.flatMap((r) => [r.deliveryId, r.attempt, r.status, r.latencyMs])],
  );
  yield* logAttempts(env, results);
}

/** Records a failed attempt: retried at `next`, or failed for good when null. */
export function* recordFailed(env: SqlEnv, r: AttemptResult, next: Date | null): SqlProgram<void> {
  yield* run(
    `UPDATE "WebhookDelivery" SET "status" = ?, "attempts" = ?, "lastStatus" = ?, "lastLatencyMs" = ?, "lastError" = ?, "nextAttemptAt" = ? WHERE "id" = ?`,
    [next ? 'pending' : 'failed', r.attempt, r.status, r.latencyMs, r.error, next ?? r.at, r.deliveryId],
  );
  yield* logAttempts(env, [r]);
}

// Only for deliveries that still exist: an endpoint deleted while one of its lanes was being sent takes them along.
function* logAttempts(env: SqlEnv, results: AttemptResult[]): SqlProgram<void> {
  const row = `(?, ?, CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), ?, ${env.dialect.timestampParam})`;
  yield* run(
    `INSERT INTO "WebhookAttempt" ("id", "deliveryId", "attempt", "statusCode", "latencyMs", "error", "createdAt")
     SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7
     FROM (VALUES ${results.map(() => row).join(', ')}) AS v WHERE EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."id" = v.column2)`,
    results.flatMap((r) => [newId('att'), r.deliveryId, r.attempt, r.status, r.latencyMs, r.error, r.at]),
  );
}

export function* countPending(endpointId: string): SqlProgram<number> {
  return asInt((yield* one(`SELECT count(*) AS "n" FROM "WebhookDelivery" WHERE "endpointId" = ? AND "status" = 'pending'`, [endpointId]))?.n ?? 0);
}

export const DROPPED = 'dropped: the endpoint had more pending deliveries than WEBHOOK_MAX_PENDING';

/** Marks an endpoint's `n` oldest pending deliveries dropped (the backlog bound). */
export function* dropOldest(endpointId: string, n: number): SqlProgram<number> {
  return yield* run(
    `UPDATE "WebhookDelivery" SET "status" = 'dropped', "lastError" = ?
     WHERE "id" IN (SELECT "id" FROM "WebhookDelivery" WHERE "endpointId" = ? AND "status" = 'pending' ORDER BY "eventSeq" LIMIT ?)`,
    [DROPPED, endpointId, n],
  );
}
