// Retention: the SCIM request log, the events (with their deliveries) and the webhook delivery log are kept for a
// configurable time, then removed. Idempotent deletes, so any number of processes may run it.
import { read, write } from '../db/database';
import { all, run } from '../db/sql-program';
import { deleteExpiredOperatorSessions } from '../operators/operator-sessions';
import { forgetOldSignInFailures } from '../operators/sign-in-throttle';
import { deleteExpiredPortalSessions } from '../portal/portal-session';
import { purgeOldEvents } from '../events/event-retention';
import { purgeLeavers } from '../policy/purge-leavers';
import { purgeDeliveryLog } from '../webhooks/delivery-log';
import { purgeIdleLanes } from '../webhooks/lane-store';
import { jobSettings, webhookSettings } from '../env';

export interface RetentionResult {
  requestLogs: number;
  events: number;
  deliveries: number;
  /** Expired portal and dashboard session rows, and sign-in failure counts quiet for a day. */
  sessions: number;
  /** Users deleted by a "delete after N days" leaving policy (lib/policy). */
  leavers: number;
}

const BATCH = 1_000;

/**
 * Each directory's request-log rows older than the cutoff, a batch at a time: every statement is a short range
 * on the (directoryId, createdAt) index, its own short transaction. One delete over the whole log by date alone
 * read every row of it (no index starts with createdAt), in one statement that held SQLite's write lock, and the
 * event loop, throughout: 198 ms at 746,000 rows here with nothing to delete, hourly.
 */
async function deleteOldRequestLogs(cutoff: Date): Promise<number> {
  let removed = 0;
  for (const { id: directoryId } of await read(() => all(`SELECT "id" FROM "Directory"`))) {
    for (;;) {
      const n = await write(() =>
        run(
          `DELETE FROM "ScimRequestLog" WHERE "id" IN
             (SELECT "id" FROM "ScimRequestLog" WHERE "directoryId" = ? AND "createdAt" < ? LIMIT ${BATCH})`,
          [String(directoryId), cutoff],
        ),
      );
      removed += n;
      if (n < BATCH) break;
    }
  }
  return removed;
}

export async function applyRetention(now = Date.now()): Promise<RetentionResult> {
  const logCutoff = new Date(now - jobSettings().requestLogRetentionDays * 86_400_000);
  const deliveryCutoff = new Date(now - jobSettings().deliveryLogRetentionDays * 86_400_000);
  const eventCutoff = new Date(now - webhookSettings().eventRetentionDays * 86_400_000);
  const requestLogs = await deleteOldRequestLogs(logCutoff);
  const leavers = await purgeLeavers(now);
  let events = 0;
  for (const { id } of await read(() => all(`SELECT "id" FROM "Host"`))) events += await purgeOldEvents(String(id), eventCutoff, new Date(now));
  // Finished deliveries only: a pending one is still owed to its receiver (until its event is purged).
  let deliveries = 0;
  for (const { id } of await read(() => all(`SELECT "id" FROM "WebhookEndpoint"`))) deliveries += await purgeDeliveryLog(String(id), deliveryCutoff);
  await write(() => purgeIdleLanes(deliveryCutoff));
  const at = new Date(now);
  const sessions = (await deleteExpiredPortalSessions(at)) + (await deleteExpiredOperatorSessions(at)) + (await forgetOldSignInFailures(at));
  return { requestLogs, events, deliveries, sessions, leavers };
}

let timer: NodeJS.Timeout | null = null;

export function startRetentionJob(everyMs = jobSettings().retentionIntervalMs): void {
  if (timer) return;
  const run = async () => {
    try {
      await applyRetention();
    } catch (e) {
      console.error(`retention job: ${(e as Error).message}`);
    }
  };
  timer = setInterval(() => void run(), everyMs);
  timer.unref();
  setTimeout(() => void run(), 5_000).unref();
}
