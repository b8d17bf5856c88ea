// The events feed: oldest first, by sequence number; its cursors are opaque (cursor.ts).
import { columns, decoder } from '../db/rows';
import { all, type SqlEnv, type SqlProgram } from '../db/sql-program';

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

const EVENT_COLUMNS = ['seq', 'id', 'type', 'createdAt', 'organizationId', 'directoryId', 'data', 'previousAttributes'] as const;
const eventRow = decoder('Event', EVENT_COLUMNS);

/** The types of the host's events with these ids. */
export function* eventTypes(env: SqlEnv, hostId: string, ids: string[]): SqlProgram<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const [inIds, list] = env.dialect.inList('"id"', ids);
  const rows = yield* all(`SELECT "id", "type" FROM "Event" WHERE "hostId" = ? AND ${inIds}`, [hostId, list]);
  return new Map(rows.map((r) => [String(r.id), String(r.type)]));
}

/** The host's events after `afterSeq`, oldest first ([hostId, seq] index). */
export function* listEvents({ hostId, afterSeq, limit }: { hostId: string; afterSeq: number; limit: number }): SqlProgram<EventRow[]> {
  const rows = yield* all(`SELECT ${columns('Event', undefined, EVENT_COLUMNS)} FROM "Event" WHERE "hostId" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?`, [
    hostId,
    afterSeq,
    limit,
  ]);
  return rows.map(eventRow);
}

/** The `seq` of one of the host's events, or null. */
export function* eventSeq(hostId: string, id: string): SqlProgram<number | null> {
  const [r] = yield* all(`SELECT "seq" FROM "Event" WHERE "id" = ? AND "hostId" = ?`, [id, hostId]);
  return r ? Number(r.seq) : null;
}
