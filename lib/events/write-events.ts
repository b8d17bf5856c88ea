// The outbox: events are written in the same transaction as the change they describe, as its last step.
// On PostgreSQL a per-host transaction lock is taken first, so sequence numbers are handed out in commit order
// and a reader paging by `seq` never skips an event that commits late. SQLite runs one writer at a time anyway.
import { createHash } from 'node:crypto';
import { dialect, type Tx } from '../db/client';
import { newId } from '../ids';
import { enqueueDeliveries } from '../webhooks/enqueue';
import type { DirectoryScope, PendingEvent } from './event-types';

function lockKey(hostId: string): bigint {
  return createHash('sha256').update(`events:${hostId}`).digest().readBigInt64BE(0);
}

export async function writeEvents(tx: Tx, scope: Omit<DirectoryScope, 'directoryId'> & { directoryId: string | null }, events: PendingEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (dialect() === 'postgres') await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', lockKey(scope.hostId));
  const now = new Date();
  const written = await tx.event.createManyAndReturn({
    select: { seq: true, id: true, type: true, directoryId: true },
    data: events.map((e) => ({
      id: newId('evt'),
      hostId: scope.hostId,
      organizationId: scope.organizationId,
      directoryId: scope.directoryId,
      type: e.type,
      data: JSON.stringify(e.data),
      previousAttributes: e.previousAttributes ? JSON.stringify(e.previousAttributes) : null,
      createdAt: now,
    })),
  });
  await enqueueDeliveries(tx, scope.hostId, written);
}
