// The delivery worker. Each pass takes, per (endpoint, directory), only the oldest pending delivery — so events
// reach a receiver in order per directory — and only if it is due. A delivery is leased with a compare-and-set
// update (leasedUntil), so any number of app processes can run the worker on one database without two of them
// sending the same delivery at once; a process killed mid-delivery leaves a lease that simply expires.
import { getDb, type Db } from '../db/client';
import { deliver, type LeasedDelivery } from './deliver';

const LEASE_MS = 60_000;
const MAX_HEADS = 50;

export async function runDeliveryPass(db: Db, now = new Date()): Promise<number> {
  const heads = await db.webhookDelivery.groupBy({
    by: ['endpointId', 'directoryId'],
    where: { status: 'pending' },
    _min: { eventSeq: true },
    orderBy: { _min: { eventSeq: 'asc' } },
    take: MAX_HEADS,
  });
  if (heads.length === 0) return 0;
  const due = await db.webhookDelivery.findMany({
    where: {
      status: 'pending',
      nextAttemptAt: { lte: now },
      OR: heads.map((h) => ({ endpointId: h.endpointId, eventSeq: h._min.eventSeq ?? -1 })),
      AND: [{ OR: [{ leasedUntil: null }, { leasedUntil: { lt: now } }] }],
    },
    select: { id: true, endpointId: true, eventSeq: true, attempts: true, leasedUntil: true },
  });
  const leased: LeasedDelivery[] = [];
  for (const d of due) {
    const r = await db.webhookDelivery.updateMany({
      where: { id: d.id, status: 'pending', leasedUntil: d.leasedUntil },
      data: { leasedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (r.count === 1) leased.push(d);
  }
  await Promise.all(leased.map((d) => deliver(db, d).catch((e: Error) => console.error(`webhook delivery ${d.id}: ${e.message}`))));
  return leased.length;
}

let timer: NodeJS.Timeout | null = null;
let running = false;

/** Starts the background loop (idempotent); returns a stop function. */
export function startWebhookWorker(pollMs = Number(process.env.WEBHOOK_POLL_MS ?? 500)): () => void {
  if (timer) return stopWebhookWorker;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      // Keep going while there is work, then wait for the next tick.
      while ((await runDeliveryPass(db)) > 0) {
        /* drain */
      }
    } catch (e) {
      console.error(`webhook worker: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  return stopWebhookWorker;
}

export function stopWebhookWorker(): void {
  if (timer) clearInterval(timer);
  timer = null;
}
