// The events feed: oldest first, by sequence number; its cursors are opaque (cursor.ts).
import type { Tx } from '../db/client';

export interface EventEnvelope {
  id: string;
  type: string;
  createdAt: string;
  organizationId: string | null;
  directoryId: string | null;
  data: unknown;
  previousAttributes?: unknown;
}

export interface EventRow {
  seq: number;
  id: string;
  type: string;
  createdAt: Date;
  organizationId: string | null;
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

/**
 * The envelope as JSON text, for webhooks: the same as JSON.stringify(toEnvelope(e)), but the stored data is
 * spliced in as it is rather than parsed and written again.
 */
export function envelopeJson(e: EventRow): string {
  const head = `{"id":${JSON.stringify(e.id)},"type":${JSON.stringify(e.type)},"createdAt":"${e.createdAt.toISOString()}"`;
  const scope = `,"organizationId":${JSON.stringify(e.organizationId)},"directoryId":${JSON.stringify(e.directoryId)}`;
  return `${head}${scope},"data":${e.data}${e.previousAttributes ? `,"previousAttributes":${e.previousAttributes}` : ''}}`;
}

export function listEvents(db: Tx, { hostId, afterSeq, limit }: { hostId: string; afterSeq: number; limit: number }): Promise<EventRow[]> {
  return db.event.findMany({ where: { hostId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
}
