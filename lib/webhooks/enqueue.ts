// Fan-out at write time: each event gets one delivery row per subscribed endpoint in the transaction that wrote
// the event, so a delivery can't be lost between the change and the worker.
import type { Tx } from '../db/client';
import { newId } from '../ids';
import { subscribes } from './endpoints';

export interface WrittenEvent {
  seq: number;
  id: string;
  type: string;
  directoryId: string | null;
}

export async function enqueueDeliveries(tx: Tx, hostId: string, events: WrittenEvent[]): Promise<void> {
  if (events.length === 0) return;
  const endpoints = await tx.webhookEndpoint.findMany({ where: { hostId, enabled: true }, select: { id: true, events: true } });
  if (endpoints.length === 0) return;
  const rows = endpoints.flatMap((ep) =>
    events
      .filter((e) => subscribes(ep, e.type))
      .map((e) => ({ id: newId('dlv'), endpointId: ep.id, eventSeq: e.seq, eventId: e.id, directoryId: e.directoryId })),
  );
  if (rows.length) await tx.webhookDelivery.createMany({ data: rows });
}
