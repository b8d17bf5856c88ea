// Replays: one event, or a range of sequence numbers, is queued again for one endpoint.
import type { Tx } from '../db/client';
import { newId } from '../ids';
import { subscribes } from './endpoints';

export async function replayEvents(
  tx: Tx,
  { hostId, endpointId }: { hostId: string; endpointId: string },
  select: { eventId?: string; fromSeq?: number; toSeq?: number },
): Promise<number> {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, hostId }, select: { id: true, events: true } });
  if (!endpoint) return -1;
  const events = await tx.event.findMany({
    where: {
      hostId,
      ...(select.eventId ? { id: select.eventId } : {}),
      ...(select.fromSeq !== undefined || select.toSeq !== undefined ? { seq: { gte: select.fromSeq ?? 0, lte: select.toSeq ?? Number.MAX_SAFE_INTEGER } } : {}),
    },
    select: { seq: true, id: true, type: true, directoryId: true },
    orderBy: { seq: 'asc' },
    take: 10_000,
  });
  let queued = 0;
  for (const e of events.filter((x) => subscribes(endpoint, x.type))) {
    await tx.webhookDelivery.upsert({
      where: { endpointId_eventSeq: { endpointId, eventSeq: e.seq } },
      create: { id: newId('dlv'), endpointId, eventSeq: e.seq, eventId: e.id, directoryId: e.directoryId },
      update: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), leasedUntil: null, deliveredAt: null },
    });
    queued++;
  }
  return queued;
}
