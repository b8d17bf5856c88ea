// The delivery log as the host and the operator read it, and its retention (DELIVERY_LOG_RETENTION_DAYS):
// finished deliveries are removed once older than that, per endpoint from its oldest on.
import { asDate, asInt, asStr, columns, decode } from '../db/rows';
import type { WebhookAttemptRow, WebhookDeliveryRow } from '../db/schema';
import { write } from '../db/database';
import { all, marks, run, type SqlEnv, type SqlProgram } from '../db/sql-program';

export interface DeliveryCounts {
  pending: number;
  dropped: number;
}

/** Pending and dropped deliveries of an endpoint: its backlog, and what the backlog bound has cost it. */
export function* deliveryCounts(endpointId: string): SqlProgram<DeliveryCounts> {
  const rows = yield* all(
    `SELECT "status", COUNT(*) AS "n" FROM "WebhookDelivery" WHERE "endpointId" = ? AND "status" IN ('pending', 'dropped') GROUP BY "status"`,
    [endpointId],
  );
  const n = (status: string) => asInt(rows.find((r) => r.status === status)?.n ?? 0);
  return { pending: n('pending'), dropped: n('dropped') };
}

/** An endpoint's newest deliveries, newest first. */
export function* recentDeliveries(endpointId: string, take: number): SqlProgram<WebhookDeliveryRow[]> {
  const rows = yield* all(`SELECT ${columns('WebhookDelivery')} FROM "WebhookDelivery" WHERE "endpointId" = ? ORDER BY "eventSeq" DESC LIMIT ?`, [
    endpointId,
    take,
  ]);
  return rows.map((r) => decode('WebhookDelivery', r));
}

/** A page of an endpoint's deliveries, newest first, before `beforeSeq` when given, each with its attempts in order. */
export function* deliveryPage(
  env: SqlEnv,
  { endpointId, beforeSeq, take }: { endpointId: string; beforeSeq?: number; take: number },
): SqlProgram<(WebhookDeliveryRow & { log: WebhookAttemptRow[] })[]> {
  const before = beforeSeq !== undefined ? ' AND "eventSeq" < ?' : '';
  const rows = yield* all(`SELECT ${columns('WebhookDelivery')} FROM "WebhookDelivery" WHERE "endpointId" = ?${before} ORDER BY "eventSeq" DESC LIMIT ?`, [
    endpointId,
    ...(beforeSeq !== undefined ? [beforeSeq] : []),
    take,
  ]);
  const deliveries = rows.map((r) => decode('WebhookDelivery', r));
  if (deliveries.length === 0) return [];
  const [inIds, ids] = env.dialect.inList(
    '"deliveryId"',
    deliveries.map((d) => d.id),
  );
  const attempts = (yield* all(`SELECT ${columns('WebhookAttempt')} FROM "WebhookAttempt" WHERE ${inIds} ORDER BY "attempt"`, [ids])).map((r) =>
    decode('WebhookAttempt', r),
  );
  return deliveries.map((d) => ({ ...d, log: attempts.filter((a) => a.deliveryId === d.id) }));
}

const BATCH = 1_000;

/** Removes the endpoint's finished deliveries created before `cutoff` (their attempts go with them). */
export async function purgeDeliveryLog(endpointId: string, cutoff: Date): Promise<number> {
  let removed = 0;
  let after = -1;
  for (;;) {
    const { n, last, more } = await write(function* () {
      const rows = yield* all(
        `SELECT "id", "eventSeq", "status", "createdAt" FROM "WebhookDelivery" WHERE "endpointId" = ? AND "eventSeq" > ? ORDER BY "eventSeq" LIMIT ?`,
        [endpointId, after, BATCH],
      );
      const stop = rows.findIndex((r) => asDate(r.createdAt) >= cutoff);
      const old = (stop < 0 ? rows : rows.slice(0, stop)).filter((r) => r.status !== 'pending').map((r) => asStr(r.id));
      let n = 0;
      for (let i = 0; i < old.length; i += 500)
        n += yield* run(`DELETE FROM "WebhookDelivery" WHERE "id" IN (${marks(Math.min(500, old.length - i))})`, old.slice(i, i + 500));
      return { n, last: Number(rows[rows.length - 1]?.eventSeq ?? after), more: stop < 0 && rows.length === BATCH };
    });
    removed += n;
    if (!more) return removed;
    after = last;
  }
}
