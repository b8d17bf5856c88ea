// WebhookLane: one per (endpoint, directory). Its SQL, in one place: queue into a lane, claim due lanes, finish one.
import { asInt, asStr } from '../db/rows';
import { all, run, type SqlEnv, type SqlProgram } from '../db/sql-program';

export interface ClaimedLane {
  id: string;
  endpointId: string;
  /** '' for the host's own events. */
  directoryId: string;
  queued: number;
  token: string;
}

const laneId = (endpointId: string, directoryId: string | null) => `${endpointId}/${directoryId ?? ''}`;

/**
 * Notes that deliveries were queued into these lanes: creates them due now, or bumps `queued`; a lane that is
 * waiting (a retry, or a sender's lease) keeps its time, so nobody else may take a lane while it is being sent.
 */
export function* queueIntoLanes(endpointId: string, directoryIds: (string | null)[], now: Date): SqlProgram<void> {
  const dirs = [...new Set(directoryIds.map((d) => d ?? ''))];
  for (let i = 0; i < dirs.length; i += 200) {
    const part = dirs.slice(i, i + 200);
    yield* run(
      `INSERT INTO "WebhookLane" ("id", "endpointId", "directoryId", "queued", "nextAttemptAt", "updatedAt")
       VALUES ${part.map(() => '(?, ?, ?, 1, ?, ?)').join(', ')}
       ON CONFLICT ("id") DO UPDATE SET "queued" = "WebhookLane"."queued" + 1,
         "nextAttemptAt" = COALESCE("WebhookLane"."nextAttemptAt", excluded."nextAttemptAt"), "updatedAt" = excluded."updatedAt"`,
      part.flatMap((d) => [laneId(endpointId, d), endpointId, d, now, now]),
    );
  }
}

/**
 * Leases up to `limit` of an endpoint's due lanes, longest waiting first, until `leaseUntil`. The outer condition
 * is checked again on each row as it is locked, so two processes never lease one lane.
 */
export function* claimLanes(endpointId: string, limit: number, now: Date, leaseUntil: Date, token: string): SqlProgram<ClaimedLane[]> {
  const rows = yield* all(
    `UPDATE "WebhookLane" SET "leaseToken" = ?, "nextAttemptAt" = ?, "updatedAt" = ?
     WHERE "id" IN (SELECT "id" FROM "WebhookLane" WHERE "endpointId" = ? AND "nextAttemptAt" <= ? ORDER BY "nextAttemptAt" LIMIT ?)
       AND "nextAttemptAt" <= ?
     RETURNING "id", "endpointId", "directoryId", "queued"`,
    [token, leaseUntil, now, endpointId, now, limit, now],
  );
  return rows.map((r) => ({ id: asStr(r.id), endpointId: asStr(r.endpointId), directoryId: asStr(r.directoryId), queued: asInt(r.queued), token }));
}

/**
 * Ends a lease. `next` is when the lane is due again: null when the sender saw its last pending delivery, which
 * holds only if nothing was queued meanwhile (`queued` unchanged; checked on the row as locked, so a concurrent
 * fan-out is never lost). Returns false when the lease had been lost.
 */
export function* finishLane(env: SqlEnv, lane: ClaimedLane, next: Date | null, now: Date): SqlProgram<boolean> {
  const [due, params] = next ? ['?', [next]] : [`CASE WHEN "queued" <> ? THEN ${env.dialect.timestampParam} ELSE NULL END`, [lane.queued, now]];
  const n = yield* run(`UPDATE "WebhookLane" SET "leaseToken" = NULL, "updatedAt" = ?, "nextAttemptAt" = ${due} WHERE "id" = ? AND "leaseToken" = ?`, [
    now,
    ...params,
    lane.id,
    lane.token,
  ]);
  return n === 1;
}

/** Keeps a lease while its sender goes on to the lane's next batch. */
export function* extendLease(lane: ClaimedLane, leaseUntil: Date): SqlProgram<boolean> {
  return (yield* run(`UPDATE "WebhookLane" SET "nextAttemptAt" = ? WHERE "id" = ? AND "leaseToken" = ?`, [leaseUntil, lane.id, lane.token])) === 1;
}

/** Lanes with nothing pending and untouched since `cutoff` (a deleted directory's, say): removed, re-made on demand. */
export function* purgeIdleLanes(cutoff: Date): SqlProgram<number> {
  return yield* run(`DELETE FROM "WebhookLane" WHERE "nextAttemptAt" IS NULL AND "updatedAt" < ?`, [cutoff]);
}
