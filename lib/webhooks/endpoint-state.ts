// The delivery worker's side of WebhookEndpoint: its feed position, its health, and disabling it when it keeps
// failing (with a webhook_endpoint.disabled event for the host).
import { asBool, asDateOrNull, asInt, asStr } from '../db/rows';
import { all, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { writeEventsSql } from '../events/write-events';
import { webhookSettings } from '../env';

export interface ActiveEndpoint {
  id: string;
  hostId: string;
  url: string;
  events: string;
  secret: string;
  position: number;
}

export function* activeEndpoints(): SqlProgram<ActiveEndpoint[]> {
  const rows = yield* all(`SELECT "id", "hostId", "url", "events", "secret", "position" FROM "WebhookEndpoint" WHERE "enabled" = ? ORDER BY "id"`, [true]);
  return rows.map((r) => ({
    id: asStr(r.id),
    hostId: asStr(r.hostId),
    url: asStr(r.url),
    events: asStr(r.events),
    secret: asStr(r.secret),
    position: asInt(r.position),
  }));
}

/**
 * Locks the endpoint's row (PostgreSQL) before anything else of it is written: deleting an endpoint locks that row
 * first and then its lanes and deliveries, so a sender recording its results takes them in the same order and
 * cannot deadlock with it. False when the endpoint is gone: nothing to record.
 */
export function* lockEndpoint(env: SqlEnv, id: string): SqlProgram<boolean> {
  return (yield* all(`SELECT 1 AS "x" FROM "WebhookEndpoint" WHERE "id" = ?${env.dialect.forUpdate}`, [id])).length === 1;
}

/** Moves the feed position from `from` to `to`; false when another process moved it first (then it queued those events). */
export function* advancePosition(id: string, from: number, to: number): SqlProgram<boolean> {
  return (yield* run(`UPDATE "WebhookEndpoint" SET "position" = ? WHERE "id" = ? AND "position" = ? AND "enabled" = ?`, [to, id, from, true])) === 1;
}

export function* noteSuccess(id: string): SqlProgram<void> {
  yield* run(`UPDATE "WebhookEndpoint" SET "failingSince" = NULL, "everDelivered" = ? WHERE "id" = ? AND ("failingSince" IS NOT NULL OR "everDelivered" = ?)`, [
    true,
    id,
    false,
  ]);
}

export type DisabledReason = 'failing' | 'never_delivered' | 'manual';

/**
 * Notes a failed attempt at `at`; disables the endpoint once every attempt has failed for WEBHOOK_DISABLE_AFTER_HOURS,
 * or WEBHOOK_DISABLE_NEW_AFTER_HOURS for one that has never accepted a delivery. Returns the reason when it did.
 */
export function* noteFailure(env: SqlEnv, id: string, at: Date): SqlProgram<DisabledReason | null> {
  yield* run(`UPDATE "WebhookEndpoint" SET "failingSince" = ? WHERE "id" = ? AND "failingSince" IS NULL`, [at, id]);
  const [row] = yield* all(`SELECT "hostId", "url", "failingSince", "everDelivered", "enabled" FROM "WebhookEndpoint" WHERE "id" = ?`, [id]);
  if (!row || !asBool(row.enabled)) return null;
  const since = asDateOrNull(row.failingSince) ?? at;
  const { disableAfterMs, disableNewAfterMs } = webhookSettings();
  const failingFor = at.getTime() - since.getTime();
  const reason: DisabledReason | null =
    failingFor >= disableAfterMs ? 'failing' : !asBool(row.everDelivered) && failingFor >= disableNewAfterMs ? 'never_delivered' : null;
  if (!reason) return null;
  const n = yield* run(`UPDATE "WebhookEndpoint" SET "enabled" = ?, "disabledAt" = ?, "disabledReason" = ?, "updatedAt" = ? WHERE "id" = ? AND "enabled" = ?`, [
    false,
    at,
    reason,
    at,
    id,
    true,
  ]);
  if (n !== 1) return null;
  const data = { id, url: asStr(row.url), enabled: false, disabledAt: at.toISOString(), disabledReason: reason, failingSince: since.toISOString() };
  yield* writeEventsSql(env, { hostId: asStr(row.hostId), organizationId: null, directoryId: null }, [{ type: 'webhook_endpoint.disabled', data }]);
  return reason;
}
