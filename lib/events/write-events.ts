// The outbox: events are written in the same transaction as the change they describe, as its last step, as the
// dialect's ordered insert under a per-host lock: writers share it, and a reader paging by `seq` reads only up to
// `settledEventSeq` (lib/events/feed.ts), so it never skips an event that commits late.
import type { OrderedInsert } from '../db/dialect';
import { marks, one, runOp, type SqlCondition, type SqlEnv, type SqlOp, type SqlProgram, type SqlRow, type SqlValue } from '../db/sql-program';
import { newLogId } from '../ids';
import { eventPayload } from './event-payload';
import type { DirectoryScope, PendingEvent } from './event-types';

/** A host's own events (webhook_endpoint.disabled) have no organization or directory. */
export type EventScope = Omit<DirectoryScope, 'directoryId' | 'organizationId'> & { organizationId: string | null; directoryId: string | null };

/**
 * A write that must come just before the events — an `UPDATE … RETURNING` of the row they are about. On
 * PostgreSQL it runs in the events' own statement, its row lock taken before the per-host lock (the order every
 * other writer takes them in), so a row's writers queue for one statement and the COMMIT, not for two.
 */
export type LeadWrite = NonNullable<OrderedInsert['lead']>;

export interface WriteEventsOptions {
  lead?: LeadWrite;
  /** The events are the transaction's last step: on PostgreSQL their statement goes out with the COMMIT (SqlOp.final). */
  final?: boolean;
}

const EVENT_COLUMNS = ['id', 'hostId', 'organizationId', 'directoryId', 'type', 'data', 'previousAttributes'];

/**
 * Writes the events: only them, whatever the number of webhook endpoints (the delivery worker reads the feed and
 * queues deliveries itself). With a lead write, returns the row it returned, or null when it matched no row — and
 * then writes no events.
 */
export function* writeEventsSql(
  env: SqlEnv,
  scope: EventScope,
  events: PendingEvent[],
  { lead, final = false }: WriteEventsOptions = {},
): SqlProgram<SqlRow | null> {
  if (events.length === 0) return lead ? yield* one(lead.sql, lead.params, final) : null;
  return yield* env.dialect.orderedInsert({ ...eventsInsert(scope, events, final), lead });
}

/** The events' statements, to send in one batch after the writes they describe (`final`: with the COMMIT). */
export const writeEventsOps = (env: SqlEnv, scope: EventScope, events: PendingEvent[], final: boolean): SqlOp[] =>
  events.length ? env.dialect.orderedInsertOps(eventsInsert(scope, events, final)) : [];

const eventRow = (scope: EventScope, e: PendingEvent): SqlValue[] => {
  const payload = eventPayload(e.data, e.previousAttributes);
  return [newLogId('evt'), scope.hostId, scope.organizationId, scope.directoryId, e.type, payload.data, payload.previousAttributes];
};

/**
 * An event written only if `when` (a condition with its parameters) holds at that point of the transaction: what
 * the write itself just made true (the last seat taken). It goes after writeEventsOps' events, and takes their lock
 * itself (a reader settling the feed must wait for its `seq` too).
 */
export function eventWhenOp(env: SqlEnv, scope: EventScope, event: PendingEvent, when: SqlCondition): SqlOp {
  const lock = env.dialect.orderedLock(eventsLock(scope.hostId));
  return runOp(
    `INSERT INTO "Event" (${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')}, "createdAt") SELECT ${marks(EVENT_COLUMNS.length)}, ${env.dialect.now}${lock.from} WHERE ${when.sql}`,
    [...eventRow(scope, event), ...lock.params, ...when.params],
  );
}

function eventsInsert(scope: EventScope, events: PendingEvent[], final: boolean) {
  const rows = events.map((e) => eventRow(scope, e));
  return { table: 'Event', columns: EVENT_COLUMNS, stamp: 'createdAt', rows, lock: eventsLock(scope.hostId), final };
}

/** The lock an ordered insert of the host's events takes, and a reader settling them waits on. */
export const eventsLock = (hostId: string) => `events:${hostId}`;
