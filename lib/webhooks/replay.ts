// Replays: one event, or a range of sequence numbers, queued again for one endpoint (at most 10,000 events), in
// the lanes of their directories; an endpoint's subscription still applies.
import { asInt, asStr, asStrOrNull } from '../db/rows';
import { write } from '../db/database';
import { all, one } from '../db/sql-program';
import { requeue } from './delivery-store';
import { queueIntoLanes } from './lane-store';
import { subscriptionOf } from './subscription';

const MAX_REPLAY = 10_000;

/** The number of deliveries queued, or -1 when the host has no such endpoint. */
export function replayEvents(
  { hostId, endpointId }: { hostId: string; endpointId: string },
  select: { eventId?: string; fromSeq?: number; toSeq?: number },
  now = new Date(),
): Promise<number> {
  return write(function* () {
    const endpoint = yield* one(`SELECT "events" FROM "WebhookEndpoint" WHERE "id" = ? AND "hostId" = ?`, [endpointId, hostId]);
    if (!endpoint) return -1;
    const rows = select.eventId
      ? yield* all(`SELECT "seq", "id", "type", "directoryId" FROM "Event" WHERE "hostId" = ? AND "id" = ?`, [hostId, select.eventId])
      : yield* all(`SELECT "seq", "id", "type", "directoryId" FROM "Event" WHERE "hostId" = ? AND "seq" >= ? AND "seq" <= ? ORDER BY "seq" LIMIT ?`, [
          hostId,
          select.fromSeq ?? 0,
          select.toSeq ?? Number.MAX_SAFE_INTEGER,
          MAX_REPLAY,
        ]);
    const wants = subscriptionOf(asStr(endpoint.events));
    const events = rows.filter((r) => wants(asStr(r.type))).map((r) => ({ seq: asInt(r.seq), id: asStr(r.id), directoryId: asStrOrNull(r.directoryId) }));
    if (events.length === 0) return 0;
    yield* requeue(endpointId, events, now);
    yield* queueIntoLanes(
      endpointId,
      events.map((e) => e.directoryId),
      now,
    );
    return events.length;
  });
}
