// Sending one leased lane: its pending deliveries one at a time, in event order, on the endpoint's kept-alive
// connection, each signed (Standard Webhooks); results recorded once per batch. The first failure ends the batch:
// the lane waits for that delivery's retry, so a directory's events never overtake one another.
import { write } from '../db/database';
import { envelopeJson } from '../events/feed';
import { laneBatch, recordDelivered, recordFailed, type AttemptResult } from './delivery-store';
import { lockEndpoint, noteFailure, noteSuccess } from './endpoint-state';
import { extendLease, finishLane, type ClaimedLane } from './lane-store';
import type { OutboundTarget } from './outbound/outbound-agent';
import { postToTarget } from './outbound/outbound-agent';
import { nextAttemptAt } from './schedule';
import { webhookSettings } from '../env';
import { signatureHeaders } from './signature';

const LANE_BATCH = 100;
export const LEASE_MS = 60_000;
// A lane hands its slot back after this long, so others get their turn; well inside the lease.
const SLICE_MS = 5_000;

export interface LaneTarget {
  endpointId: string;
  target: OutboundTarget;
  key: Buffer;
}

export type Clock = () => Date;

/** Sends a lane until it runs dry, a delivery fails, or its time slice ends; returns the attempts made. */
export async function sendLane(t: LaneTarget, lane: ClaimedLane, clock: Clock): Promise<number> {
  const { timeoutMs } = webhookSettings();
  const sliceEnd = clock().getTime() + SLICE_MS;
  let attempts = 0;
  for (;;) {
    const batch = await write(() => laneBatch(t.endpointId, lane.directoryId, LANE_BATCH));
    const delivered: AttemptResult[] = [];
    let failed: { r: AttemptResult; next: Date | null } | null = null;
    let sliceOver = false;
    for (const d of batch) {
      const at = clock();
      const payload = envelopeJson(d.event);
      const headers = {
        'Content-Type': 'application/json',
        'User-Agent': 'scim-portal-webhooks/1',
        ...signatureHeaders(t.key, d.event.id, Math.floor(at.getTime() / 1000), payload),
      };
      const res = await postToTarget(t.target, headers, payload, timeoutMs);
      attempts++;
      const r: AttemptResult = { deliveryId: d.id, attempt: d.attempts + 1, at, status: res.status, error: res.error, latencyMs: res.latencyMs };
      if (!res.ok) {
        failed = { r, next: nextAttemptAt(d.attempts + 1, at.getTime()) };
        break;
      }
      delivered.push(r);
      if ((sliceOver = clock().getTime() >= sliceEnd)) break;
    }
    const now = clock();
    const more = sliceOver || (!failed && batch.length === LANE_BATCH);
    const goOn = more && !sliceOver;
    // A delivery whose attempts are all spent is failed for good: the lane goes on with the next one at once.
    const next = failed ? (failed.next ?? now) : more ? now : null;
    const kept = await write(function* (env) {
      if (!(yield* lockEndpoint(env, t.endpointId))) return false;
      yield* recordDelivered(env, delivered, now);
      if (delivered.length) yield* noteSuccess(t.endpointId);
      if (failed) {
        yield* recordFailed(env, failed.r, failed.next);
        yield* noteFailure(env, t.endpointId, failed.r.at);
      }
      return goOn ? yield* extendLease(lane, new Date(now.getTime() + LEASE_MS)) : yield* finishLane(env, lane, next, now);
    });
    if (!goOn || !kept) return attempts;
  }
}
