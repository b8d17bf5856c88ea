// PostgreSQL through postgres.js, which pipelines: statements issued in one tick go out in one socket write, and a
// busy connection takes the next statement before the last answer is back. Two pools: reads (every one an index
// lookup or a bounded page, pipelined on few connections) and write transactions (one connection each while open).
// postgres.js 3.4.9's pool queue grows without bound while every connection stays busy: patches/ fixes it.
import type { ReservedSql } from 'postgres';
import { env } from '../env';
import { postgres as pg } from './dialect';
import type { Database } from './database';
import { openPgJs, pgJsParams, type PgJs } from './pg-js';
import { driveAsync } from './program-runner';
import { scanGate, ScanTimedOut } from './scan-gate';
import { isBatch, type SqlEnv, type SqlOp, type SqlProgram } from './sql-program';
import { withRetries, WRITE_ATTEMPTS } from './transaction';

const ENV: SqlEnv = { dialect: pg };

// Serialization failure, deadlock, and a foreign-key violation: programs only insert rows whose parents they have
// just read, so one fails only when a parent was deleted meanwhile (a user deleted while a PATCH adds it as a
// member); run again, the program reads the state after that delete and answers accordingly.
const RETRYABLE = new Set(['40001', '40P01', '23503']);

type PgResult = unknown[] & { count: number };

const answer = (op: SqlOp, r: PgResult) => (op.mode === 'all' ? r : r.count);

function send(c: PgJs | ReservedSql, op: SqlOp) {
  const q = c.unsafe(pg.text(op.sql), pgJsParams(op.params.map(pg.param)), { prepare: true }).execute();
  q.catch(() => {}); // awaited by the caller, in order; one failing makes the later ones of a transaction fail too
  return q;
}

async function transact<T>(pool: PgJs, make: (env: SqlEnv) => SqlProgram<T>): Promise<T> {
  const c = await pool.reserve();
  try {
    // BEGIN goes out in the same socket write as the program's first statement, and the final statement in the same
    // write as the COMMIT: no round trip for either, and no lock held across a trip back to a busy event loop. A
    // failing final statement turns that COMMIT into a ROLLBACK; the one below is then a no-op.
    const begin = c.unsafe('BEGIN').execute();
    begin.catch(() => {});
    let begun = false;
    let committed = false;
    try {
      const out = await driveAsync(make(ENV), async (step) => {
        if (committed) throw new Error('SQL program ran a statement after its final one');
        const ops = isBatch(step) ? step.batch : [step];
        const final = isBatch(step) ? ops.some((op) => op.final) : step.final;
        if (isBatch(step) && final && !ops[ops.length - 1].final) throw new Error('only the last statement of a batch can be final');
        const sent = ops.map((op) => send(c, op));
        const commit = final ? c.unsafe('COMMIT').execute() : null;
        commit?.catch(() => {});
        const results: unknown[] = [];
        for (let i = 0; i < ops.length; i++) results.push(answer(ops[i], (await sent[i]) as unknown as PgResult));
        if (!begun) await begin;
        begun = true;
        if (commit) {
          await commit;
          committed = true;
        }
        return isBatch(step) ? results : results[0];
      });
      if (!begun) await begin;
      if (!committed) await c.unsafe('COMMIT');
      return out;
    } catch (e) {
      await c.unsafe('ROLLBACK').catch(() => {});
      throw e;
    }
  } finally {
    c.release();
  }
}

export function openPostgres(url: string): Database {
  // Reads: one connection by default. Every read is a lookup by key or a bounded page answered from memory,
  // pipelining keeps one connection busy, and each extra connection means another socket write per event-loop turn
  // and another server process to wake. A database that reads from disk gains from a few more.
  const reads = openPgJs(url, env().pgReadPoolSize);
  const writes = openPgJs(url, env().pgWritePoolSize);
  const write = <T>(make: (env: SqlEnv) => SqlProgram<T>) =>
    withRetries(
      () => transact(writes, make),
      (e) => RETRYABLE.has((e as { code?: string })?.code ?? ''),
      WRITE_ATTEMPTS,
    );
  // Scans (scan-gate.ts): connections of their own, never the pipelined read connection, each statement stopped by
  // the server past SCAN_TIMEOUT_MS (57014, query_canceled).
  const { pgScanPoolSize, scanQueueLimit, scanTimeoutMs } = env();
  const scans = openPgJs(url, pgScanPoolSize, { statement_timeout: String(scanTimeoutMs) });
  const gate = scanGate(pgScanPoolSize, scanQueueLimit);
  const readOn =
    (pool: PgJs) =>
    <T>(make: (env: SqlEnv) => SqlProgram<T>) =>
      driveAsync(make(ENV), async (step) => {
        const ops = isBatch(step) ? step.batch : [step];
        const sent = ops.map((op) => send(pool, op));
        const results: unknown[] = [];
        for (let i = 0; i < ops.length; i++) results.push(answer(ops[i], (await sent[i]) as unknown as PgResult));
        return isBatch(step) ? results : results[0];
      });
  const scanRead = readOn(scans);
  return {
    dialect: pg,
    write,
    readAfterWriters: write,
    read: readOn(reads),
    scan: (make) =>
      gate(() =>
        scanRead(make).catch((e: unknown) => {
          throw (e as { code?: string })?.code === '57014' ? new ScanTimedOut(scanTimeoutMs) : e;
        }),
      ),
    lookup: (text, params) => reads.unsafe(pg.text(text), pgJsParams(params.map(pg.param)), { prepare: true }) as unknown as Promise<Record<string, unknown>[]>,
    // A connection of its own, opened for the session: a long build never holds one the app's requests queue for.
    session: async (fn) => {
      const pool = openPgJs(url, 1);
      try {
        const c = await pool.reserve();
        try {
          return await fn(async (...ops) => {
            let rows: PgResult = Object.assign([], { count: 0 });
            for (const op of ops) rows = (await send(c, op)) as unknown as PgResult;
            return rows as unknown as Record<string, unknown>[];
          });
        } finally {
          c.release();
        }
      } finally {
        await pool.end({ timeout: 5 });
      }
    },
    close: async () => {
      await Promise.all([reads.end({ timeout: 5 }), writes.end({ timeout: 5 }), scans.end({ timeout: 5 })]);
    },
  };
}
