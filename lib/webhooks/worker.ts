// The delivery worker. Each round: every enabled endpoint queues what its host's feed holds past its position
// (fan-out.ts), then due lanes are leased fairly: per endpoint at most WEBHOOK_ENDPOINT_CONCURRENCY lanes in flight,
// longest-waiting first, endpoints taken in turn, so one endpoint's failing or hanging lanes hold only its own slots.
// A lane in flight is not waited for: the round goes on as slots free up. Leases (lane-store.ts) let any number of
// processes run this on one database without two of them sending a lane at once.
import { randomBytes } from 'node:crypto';
import { write } from '../db/database';
import { settledEventEnd } from '../events/feed';
import { decryptSecret } from '../secrets/encryption';
import { activeEndpoints, type ActiveEndpoint } from './endpoint-state';
import { FAN_OUT_BATCH, fanOut } from './fan-out';
import { claimLanes, type ClaimedLane } from './lane-store';
import { outboundTarget } from './outbound/outbound-agent';
import { LEASE_MS, sendLane, type Clock, type LaneTarget } from './send-lane';
import { webhookSettings } from '../env';
import { signingKey } from './signature';

const inflight = new Map<string, number>();
let inflightTotal = 0;
const targets = new Map<string, LaneTarget & { url: string; secret: string }>();
const backlogCheckedAt = new Map<string, number>();
let turn = 0;

function laneTarget(ep: ActiveEndpoint): LaneTarget {
  const known = targets.get(ep.id);
  if (known && known.url === ep.url && known.secret === ep.secret) return known;
  known?.target.agent.destroy();
  const t = {
    endpointId: ep.id,
    url: ep.url,
    secret: ep.secret,
    key: signingKey(decryptSecret(ep.secret)),
    target: outboundTarget(ep.url, webhookSettings().endpointConcurrency),
  };
  targets.set(ep.id, t);
  return t;
}

function forgetGone(eps: ActiveEndpoint[]): void {
  const live = new Set(eps.map((e) => e.id));
  for (const [id, t] of targets) {
    if (live.has(id) || inflight.get(id)) continue;
    t.target.agent.destroy(); // a deleted or disabled endpoint's kept-alive sockets
    targets.delete(id);
  }
}

/** Queues each endpoint's new events, a few batches at most per endpoint and round; returns the events read. */
async function fanOutAll(eps: ActiveEndpoint[], now: Date): Promise<number> {
  let read = 0;
  // The settled end of each host's feed, once a round and before the fan-out's transaction: settling waits for the
  // host's writes under way (a moment), and they for its own short transaction, not the fan-out's.
  const settled = new Map<string, number>();
  const settledEnd = async (hostId: string): Promise<number> => {
    const known = settled.get(hostId);
    if (known !== undefined) return known;
    const end = await settledEventEnd(hostId);
    settled.set(hostId, end);
    return end;
  };
  for (const ep of eps) {
    const through = await settledEnd(ep.hostId);
    if (ep.position >= through) continue;
    for (let i = 0; i < 10; i++) {
      // Counting the backlog reads up to WEBHOOK_MAX_PENDING index entries: at most every 5 s per endpoint.
      const check = now.getTime() - (backlogCheckedAt.get(ep.id) ?? 0) >= 5_000;
      const r = await write(() => fanOut(ep, now, check, through));
      if (check && r.queued) backlogCheckedAt.set(ep.id, now.getTime());
      read += r.read;
      if (r.position === null || r.read < FAN_OUT_BATCH) break;
      ep.position = r.position;
    }
  }
  return read;
}

/** Leases due lanes within the free slots, endpoints in turn; returns their sends, started. */
async function dispatch(eps: ActiveEndpoint[], clock: Clock): Promise<Promise<number>[]> {
  const { concurrency, endpointConcurrency } = webhookSettings();
  if (eps.length === 0 || inflightTotal >= concurrency) return [];
  const now = clock();
  const token = randomBytes(9).toString('base64url');
  const order = eps.map((_, i) => eps[(i + turn) % eps.length]);
  turn++;
  const claimed = await write(function* () {
    const out: [ActiveEndpoint, ClaimedLane][] = [];
    let free = concurrency - inflightTotal;
    for (const ep of order) {
      const room = Math.min(free, endpointConcurrency - (inflight.get(ep.id) ?? 0));
      if (room <= 0) continue;
      for (const lane of yield* claimLanes(ep.id, room, now, new Date(now.getTime() + LEASE_MS), token)) out.push([ep, lane]);
      free = concurrency - inflightTotal - out.length;
      if (free <= 0) break;
    }
    return out;
  });
  return claimed.map(([ep, lane]) => {
    inflight.set(ep.id, (inflight.get(ep.id) ?? 0) + 1);
    inflightTotal++;
    return sendLane(laneTarget(ep), lane, clock)
      .catch((e: Error) => (console.error(`webhook lane ${lane.id}: ${e.message}`), 0))
      .finally(() => {
        inflight.set(ep.id, (inflight.get(ep.id) ?? 1) - 1);
        inflightTotal--;
      });
  });
}

/** One round, waiting for every lane it started (tests, and a worker that drains): returns the attempts made. */
export async function runDeliveryPass(clock: Clock = () => new Date()): Promise<number> {
  const eps = await write(() => activeEndpoints());
  forgetGone(eps);
  await fanOutAll(eps, clock());
  return (await Promise.all(await dispatch(eps, clock))).reduce((a, b) => a + b, 0);
}

let stopped = true;
let wake: (() => void) | null = null;

/** Starts the background loop (idempotent); returns a stop function. */
export function startWebhookWorker(): () => void {
  if (!stopped) return stopWebhookWorker;
  stopped = false;
  const { pollMs } = webhookSettings();
  void (async () => {
    while (!stopped) {
      let busy = false;
      try {
        const eps = await write(() => activeEndpoints());
        forgetGone(eps);
        const read = await fanOutAll(eps, new Date());
        const started = await dispatch(eps, () => new Date());
        for (const s of started) void s.finally(() => wake?.());
        busy = read > 0 || started.length > 0;
      } catch (e) {
        console.error(`webhook worker: ${(e as Error).message}`);
      }
      if (busy || stopped) continue;
      // Idle: wait for the poll, or sooner for a lane that finished (its slot is free); with lanes in flight, new
      // events are queued every 50 ms so a lane that runs dry finds its next batch waiting.
      await new Promise<void>((r) => {
        const t = setTimeout(r, inflightTotal > 0 ? Math.min(50, pollMs) : pollMs);
        t.unref();
        wake = () => (clearTimeout(t), r());
      });
      wake = null;
    }
  })();
  return stopWebhookWorker;
}

export function stopWebhookWorker(): void {
  stopped = true;
  wake?.();
}
