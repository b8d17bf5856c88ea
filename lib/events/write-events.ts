// The outbox: events are written in the same transaction as the change they describe, as its last step.
// On PostgreSQL a per-host transaction lock is taken first, so sequence numbers are handed out in commit order
// and a reader paging by `seq` never skips an event that commits late. SQLite runs one writer at a time anyway.
import { createHash } from 'node:crypto';
import type { Tx } from '../db/client';
import { asInt, asStr, asStrOrNull } from '../db/fast-read';
import { runProgramInTx } from '../db/sql-drivers';
import { nowSql } from '../db/sql-now';
import { all, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { newId } from '../ids';
import { enqueueDeliveries } from '../webhooks/enqueue';
import type { DirectoryScope, PendingEvent } from './event-types';

type EventScope = Omit<DirectoryScope, 'directoryId'> & { directoryId: string | null };

function lockKey(hostId: string): bigint {
  return createHash('sha256').update(`events:${hostId}`).digest().readBigInt64BE(0);
}

export function* writeEventsSql(env: SqlEnv, scope: EventScope, events: PendingEvent[]): SqlProgram<void> {
  if (events.length === 0) return;
  const rows = events.map((e, i) => [
    newId('evt'),
    scope.hostId,
    scope.organizationId,
    scope.directoryId,
    e.type,
    JSON.stringify(e.data),
    e.previousAttributes ? JSON.stringify(e.previousAttributes) : null,
    i,
  ]);
  if (env.dialect === 'postgres') {
    yield* writeEventsPostgres(env, scope.hostId, rows);
    return;
  }
  const now = nowSql(env);
  const written = [];
  // Several rows per statement, in order, so seq follows the order of `events`.
  for (let i = 0; i < rows.length; i += 100) {
    const part = rows.slice(i, i + 100);
    const inserted = yield* all(
      `INSERT INTO "Event" ("id", "hostId", "organizationId", "directoryId", "type", "data", "previousAttributes", "createdAt")
       VALUES ${part.map(() => `(?, ?, ?, ?, ?, ?, ?, ${now})`).join(', ')} RETURNING "seq", "id", "type", "directoryId"`,
      part.flatMap((r) => r.slice(0, 7)),
    );
    written.push(...inserted.map((r) => ({ seq: asInt(r.seq), id: asStr(r.id), type: asStr(r.type), directoryId: asStrOrNull(r.directoryId) })));
  }
  yield* enqueueDeliveries(env, scope.hostId, written.sort((a, b) => a.seq - b.seq));
}

/**
 * PostgreSQL: the per-host lock, the events and their deliveries in ONE statement, so the lock is held for that
 * statement and the COMMIT after it, not for several round trips — writers of one host queue on it.
 */
function* writeEventsPostgres(env: SqlEnv, hostId: string, rows: (string | number | null)[][]): SqlProgram<void> {
  const now = nowSql(env);
  for (let i = 0; i < rows.length; i += 100) {
    const part = rows.slice(i, i + 100);
    yield* all(
      `WITH l AS (SELECT pg_advisory_xact_lock(?::bigint)),
       ev AS (
         INSERT INTO "Event" ("id", "hostId", "organizationId", "directoryId", "type", "data", "previousAttributes", "createdAt")
         SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, ${now}
         FROM (VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?::int)').join(', ')}) AS v CROSS JOIN l ORDER BY v.column8
         RETURNING "seq", "id", "type", "directoryId"),
       d AS (
         INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventSeq", "eventId", "directoryId", "status", "attempts", "nextAttemptAt", "createdAt")
         SELECT 'dlv_' || substr(md5(random()::text || ev."id" || ep."id"), 1, 24), ep."id", ev."seq", ev."id", ev."directoryId", 'pending', 0, ${now}, ${now}
         FROM ev JOIN "WebhookEndpoint" ep ON ep."hostId" = ? AND ep."enabled"
           AND (ep."events" = '[]' OR strpos(ep."events", '"' || ev."type" || '"') > 0)
         RETURNING 1)
       SELECT (SELECT count(*) FROM ev) AS "events", (SELECT count(*) FROM d) AS "deliveries"`,
      [lockKey(hostId), ...part.flat(), hostId],
    );
  }
}

export function writeEvents(tx: Tx, scope: EventScope, events: PendingEvent[]): Promise<void> {
  return runProgramInTx(tx, (env) => writeEventsSql(env, scope, events));
}
