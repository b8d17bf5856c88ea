// The worker's fan-out: an endpoint reads its host's events feed after its own position and queues a delivery for
// each event it subscribes to, in the lanes of their directories. Writes pay nothing per endpoint; this does, off
// the request path, in batches. The position moves by compare-and-set, so any number of processes may run it.
import { asInt, asStr, asStrOrNull } from '../db/rows';
import { all, type SqlProgram } from '../db/sql-program';
import { countPending, dropOldest, insertPending, type QueuedEvent } from './delivery-store';
import { advancePosition, type ActiveEndpoint } from './endpoint-state';
import { queueIntoLanes } from './lane-store';
import { webhookSettings } from '../env';
import { subscriptionOf } from './subscription';

export const FAN_OUT_BATCH = 1_000;

export interface FanOutResult {
  /** Events read past the position (0: the endpoint is caught up). */
  read: number;
  queued: number;
  /** The position now, or null when another process moved it first. */
  position: number | null;
}

/** `throughSeq`: the host's settled end of the feed (settledEventSeq, read before this transaction). */
export function* fanOut(ep: ActiveEndpoint, now: Date, checkBacklog: boolean, throughSeq: number): SqlProgram<FanOutResult> {
  const rows = yield* all(`SELECT "seq", "id", "type", "directoryId" FROM "Event" WHERE "hostId" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq" LIMIT ?`, [
    ep.hostId,
    ep.position,
    throughSeq,
    FAN_OUT_BATCH,
  ]);
  if (rows.length === 0) return { read: 0, queued: 0, position: ep.position };
  const position = asInt(rows[rows.length - 1].seq);
  if (!(yield* advancePosition(ep.id, ep.position, position))) return { read: 0, queued: 0, position: null };
  const wants = subscriptionOf(ep.events);
  const events: QueuedEvent[] = rows
    .filter((r) => wants(asStr(r.type)))
    .map((r) => ({ seq: asInt(r.seq), id: asStr(r.id), directoryId: asStrOrNull(r.directoryId) }));
  if (events.length > 0) {
    yield* insertPending(ep.id, events, now);
    yield* queueIntoLanes(
      ep.id,
      events.map((e) => e.directoryId),
      now,
    );
    if (checkBacklog) {
      const over = (yield* countPending(ep.id)) - webhookSettings().maxPending;
      if (over > 0) yield* dropOldest(ep.id, over);
    }
  }
  return { read: rows.length, queued: events.length, position };
}
