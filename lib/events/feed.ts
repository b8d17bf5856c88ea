// The events feed: oldest first, by sequence number; its cursors are opaque (cursor.ts).
import { read, readAfterWriters } from '../db/database';
import { columns, decoder } from '../db/rows';
import { all, rowsOf, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { eventsLock } from './write-events';

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

/**
 * The host's highest `seq` below which no event is still to commit: a reader paging the feed reads up to it, never
 * past, or it could step over an event that commits later with a lower `seq`. On PostgreSQL it waits for the host's
 * writes under way (their commits, a moment), and the host's writers wait for the end of the transaction it runs in.
 */
export function* settledEventSeq(env: SqlEnv, hostId: string): SqlProgram<number> {
  const [r] = yield* rowsOf(env.dialect.settledMax(eventsLock(hostId), `SELECT max("seq") FROM "Event" WHERE "hostId" = ?`, [hostId]));
  return Number(r?.w ?? 0);
}

/**
 * settledEventSeq on its own, waiting for the host's writers under way: on PostgreSQL in a short transaction on a
 * write connection (not the read connection every request's lookups are pipelined on), on SQLite a plain read.
 */
export const settledEventEnd = (hostId: string): Promise<number> => readAfterWriters((env) => settledEventSeq(env, hostId));

/** The host's events after `afterSeq` up to `throughSeq` (settled: settledEventEnd), oldest first ([hostId, seq] index). */
export function* listEvents({ hostId, afterSeq, throughSeq, limit }: FeedPage & { throughSeq: number }): SqlProgram<EventRow[]> {
  const rows = yield* all(
    `SELECT ${columns('Event', undefined, EVENT_COLUMNS)} FROM "Event" WHERE "hostId" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq" LIMIT ?`,
    [hostId, afterSeq, throughSeq, limit],
  );
  return rows.map(eventRow);
}

interface FeedPage {
  hostId: string;
  afterSeq: number;
  limit: number;
}

/** A page of the host's feed as a reader must page it: its settled end first, then the events up to it. */
export async function readFeed(page: FeedPage): Promise<EventRow[]> {
  const throughSeq = await settledEventEnd(page.hostId);
  return read(() => listEvents({ ...page, throughSeq }));
}

/** The `seq` of one of the host's events, or null. */
export function* eventSeq(hostId: string, id: string): SqlProgram<number | null> {
  const [r] = yield* all(`SELECT "seq" FROM "Event" WHERE "id" = ? AND "hostId" = ?`, [id, hostId]);
  return r ? Number(r.seq) : null;
}
