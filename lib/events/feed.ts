// The events feed: oldest first, by sequence number. Cursors are opaque but stable: the seq of the last event.
import type { Tx } from '../db/client';

export interface EventEnvelope {
  id: string;
  type: string;
  createdAt: string;
  organizationId: string;
  directoryId: string | null;
  data: unknown;
  previousAttributes?: unknown;
}

export interface EventRow {
  seq: number;
  id: string;
  type: string;
  createdAt: Date;
  organizationId: string;
  directoryId: string | null;
  data: string;
  previousAttributes: string | null;
}

export function toEnvelope(e: EventRow): EventEnvelope {
  return {
    id: e.id,
    type: e.type,
    createdAt: e.createdAt.toISOString(),
    organizationId: e.organizationId,
    directoryId: e.directoryId,
    data: JSON.parse(e.data) as unknown,
    ...(e.previousAttributes ? { previousAttributes: JSON.parse(e.previousAttributes) as unknown } : {}),
  };
}

export const encodeEventCursor = (seq: number) => Buffer.from(`e:${seq}`).toString('base64url');

export function decodeEventCursor(cursor: string): number | null {
  const m = /^e:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

export function listEvents(db: Tx, { hostId, afterSeq, limit }: { hostId: string; afterSeq: number; limit: number }): Promise<EventRow[]> {
  return db.event.findMany({ where: { hostId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
}
