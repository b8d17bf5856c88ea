// Retention: the SCIM request log and the webhook delivery log are kept for a configurable time, then removed.
// Idempotent deletes, so any number of processes may run it.
import type { Db } from '../db/client';

const days = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export interface RetentionResult {
  requestLogs: number;
  deliveries: number;
}

export async function applyRetention(db: Db, now = Date.now()): Promise<RetentionResult> {
  const logCutoff = new Date(now - days('REQUEST_LOG_RETENTION_DAYS', 30) * 86_400_000);
  const deliveryCutoff = new Date(now - days('DELIVERY_LOG_RETENTION_DAYS', 30) * 86_400_000);
  const requestLogs = (await db.scimRequestLog.deleteMany({ where: { createdAt: { lt: logCutoff } } })).count;
  // Finished deliveries only: a pending one is still owed to its receiver.
  const deliveries = (
    await db.webhookDelivery.deleteMany({ where: { status: { in: ['delivered', 'failed'] }, createdAt: { lt: deliveryCutoff } } })
  ).count;
  return { requestLogs, deliveries };
}

let timer: NodeJS.Timeout | null = null;

export function startRetentionJob(everyMs = Number(process.env.RETENTION_INTERVAL_MS ?? 3_600_000)): void {
  if (timer) return;
  const run = async () => {
    try {
      const { getDb } = await import('../db/client');
      await applyRetention(await getDb());
    } catch (e) {
      console.error(`retention job: ${(e as Error).message}`);
    }
  };
  timer = setInterval(() => void run(), everyMs);
  timer.unref();
  setTimeout(() => void run(), 5_000).unref();
}
