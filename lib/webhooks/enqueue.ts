// Fan-out at write time: each event gets one delivery row per subscribed endpoint in the transaction that wrote
// the event, so a delivery can't be lost between the change and the worker.
import { all, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { newId } from '../ids';
import { subscribes } from './endpoints';

export interface WrittenEvent {
  seq: number;
  id: string;
  type: string;
  directoryId: string | null;
}

export function* enqueueDeliveries(env: SqlEnv, hostId: string, events: WrittenEvent[]): SqlProgram<void> {
  if (events.length === 0) return;
  const endpoints = (yield* all(`SELECT "id", "events", "enabled" FROM "WebhookEndpoint" WHERE "hostId" = ?`, [hostId]))
    .filter((ep) => ep.enabled === true || ep.enabled === 1)
    .map((ep) => ({ id: String(ep.id), events: String(ep.events) }));
  if (endpoints.length === 0) return;
  const rows = endpoints.flatMap((ep) => events.filter((e) => subscribes(ep, e.type)).map((e) => [newId('dlv'), ep.id, e.seq, e.id, e.directoryId]));
  const now = env.dialect.now;
  for (let i = 0; i < rows.length; i += 100) {
    const part = rows.slice(i, i + 100);
    yield* run(
      `INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventSeq", "eventId", "directoryId", "status", "attempts", "nextAttemptAt", "createdAt")
       VALUES ${part.map(() => `(?, ?, ?, ?, ?, 'pending', 0, ${now}, ${now})`).join(', ')}`,
      part.flat(),
    );
  }
}
