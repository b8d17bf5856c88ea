// The outbox: events are written in the same transaction as the change they describe, as its last step.
// On PostgreSQL a per-host transaction lock is taken first, so sequence numbers are handed out in commit order
// and a reader paging by `seq` never skips an event that commits late. SQLite runs one writer at a time anyway.
import { createHash } from 'node:crypto';
import type { Tx } from '../db/client';
import { asInt, asStr, asStrOrNull } from '../db/fast-read';
import { runProgramInTx } from '../db/sql-drivers';
import { nowSql } from '../db/sql-now';
import { all, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { newId } from '../ids';
import { enqueueDeliveries } from '../webhooks/enqueue';
import type { DirectoryScope, PendingEvent } from './event-types';

type EventScope = Omit<DirectoryScope, 'directoryId'> & { directoryId: string | null };

function lockKey(hostId: string): bigint {
  return createHash('sha256').update(`events:${hostId}`).digest().readBigInt64BE(0);
}

export function* writeEventsSql(env: SqlEnv, scope: EventScope, events: PendingEvent[]): SqlProgram<void> {
  if (events.length === 0) return;
  if (env.dialect === 'postgres') yield* run('SELECT pg_advisory_xact_lock(?::bigint)', [lockKey(scope.hostId)]);
  const now = nowSql(env);
  const written = [];
  // Several rows per statement, in order, so seq follows the order of `events`.
  for (let i = 0; i < events.length; i += 100) {
    const part = events.slice(i, i + 100);
    const rows = yield* all(
      `INSERT INTO "Event" ("id", "hostId", "organizationId", "directoryId", "type", "data", "previousAttributes", "createdAt")
       VALUES ${part.map(() => `(?, ?, ?, ?, ?, ?, ?, ${now})`).join(', ')} RETURNING "seq", "id", "type", "directoryId"`,
      part.flatMap((e) => [
        newId('evt'),
        scope.hostId,
        scope.organizationId,
        scope.directoryId,
        e.type,
        JSON.stringify(e.data),
        e.previousAttributes ? JSON.stringify(e.previousAttributes) : null,
      ]),
    );
    written.push(...rows.map((r) => ({ seq: asInt(r.seq), id: asStr(r.id), type: asStr(r.type), directoryId: asStrOrNull(r.directoryId) })));
  }
  yield* enqueueDeliveries(env, scope.hostId, written.sort((a, b) => a.seq - b.seq));
}

export function writeEvents(tx: Tx, scope: EventScope, events: PendingEvent[]): Promise<void> {
  return runProgramInTx(tx, (env) => writeEventsSql(env, scope, events));
}
