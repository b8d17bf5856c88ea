// The outbox: events are written in the same transaction as the change they describe, as its last step.
// On PostgreSQL a per-host transaction lock is taken first, so sequence numbers are handed out in commit order
// and a reader paging by `seq` never skips an event that commits late. SQLite runs one writer at a time anyway.
import { createHash } from 'node:crypto';
import { all, one, run, type SqlEnv, type SqlProgram, type SqlRow, type SqlValue } from '../db/sql-program';
import { newLogId } from '../ids';
import { eventPayload } from './event-payload';
import type { DirectoryScope, PendingEvent } from './event-types';

/** A host's own events (webhook_endpoint.disabled) have no organization or directory. */
export type EventScope = Omit<DirectoryScope, 'directoryId' | 'organizationId'> & { organizationId: string | null; directoryId: string | null };

function lockKey(hostId: string): bigint {
  return createHash('sha256').update(`events:${hostId}`).digest().readBigInt64BE(0);
}

/**
 * A write that must come just before the events — an `UPDATE … RETURNING` of the row they are about. On
 * PostgreSQL it runs in the events' own statement, its row lock taken before the per-host lock (the order every
 * other writer takes them in), so a row's writers queue for one statement and the COMMIT, not for two.
 */
export interface LeadWrite {
  sql: string;
  params: SqlValue[];
}

export interface WriteEventsOptions {
  lead?: LeadWrite;
  /** The events are the transaction's last step: on PostgreSQL their statement goes out with the COMMIT (SqlOp.final). */
  final?: boolean;
}

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
  const rows = events.map((e, i) => {
    const payload = eventPayload(e.data, e.previousAttributes);
    return [newLogId('evt'), scope.hostId, scope.organizationId, scope.directoryId, e.type, payload.data, payload.previousAttributes, i];
  });
  if (env.dialect.name === 'postgres') return yield* writeEventsPostgres(env, scope.hostId, rows, lead, final);
  const led = lead ? yield* one(lead.sql, lead.params) : null;
  if (lead && !led) return null;
  const now = env.dialect.now;
  // Several rows per statement, in order, so seq follows the order of `events`.
  for (let i = 0; i < rows.length; i += 100) {
    const part = rows.slice(i, i + 100);
    yield* run(
      `INSERT INTO "Event" ("id", "hostId", "organizationId", "directoryId", "type", "data", "previousAttributes", "createdAt")
       VALUES ${part.map(() => `(?, ?, ?, ?, ?, ?, ?, ${now})`).join(', ')}`,
      part.flatMap((r) => r.slice(0, 7)),
    );
  }
  return led;
}

/**
 * PostgreSQL: the per-host lock and the events in ONE statement, so the lock is held for that
 * statement and the COMMIT after it, not for several round trips — writers of one host queue on it. A lead write
 * goes first in the same statement: the lock is taken per row it returned, so none means no lock and no events.
 */
function* writeEventsPostgres(
  env: SqlEnv,
  hostId: string,
  rows: (string | number | null)[][],
  lead: LeadWrite | undefined,
  final: boolean,
): SqlProgram<SqlRow | null> {
  const now = env.dialect.now;
  let led: SqlRow | null = null;
  for (let i = 0; i < rows.length; i += 100) {
    const part = rows.slice(i, i + 100);
    const first = lead && i === 0 ? lead : null;
    const [result] = yield* all(
      `WITH ${first ? `led AS (${first.sql}), l AS (SELECT pg_advisory_xact_lock(?::bigint) FROM led)` : 'l AS (SELECT pg_advisory_xact_lock(?::bigint))'},
       ev AS (
         INSERT INTO "Event" ("id", "hostId", "organizationId", "directoryId", "type", "data", "previousAttributes", "createdAt")
         SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, ${now}
         FROM (VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?::int)').join(', ')}) AS v CROSS JOIN l ORDER BY v.column8
         RETURNING 1)
       SELECT ${first ? 'led.*, ' : ''}(SELECT count(*) FROM ev) AS "events"${first ? ' FROM led' : ''}`,
      [...(first ? first.params : []), lockKey(hostId), ...part.flat()],
      final && i + 100 >= rows.length,
    );
    if (first) {
      if (!result) return null;
      led = result;
    }
  }
  return led;
}

