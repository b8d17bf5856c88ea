// The drivers that run SQL programs (sql-program.ts) as one transaction each, retried from the start when they
// lose a race (StaleWrite, SQLite busy, PostgreSQL serialization failure or deadlock).
import Database from 'better-sqlite3';
import { env, isPostgresUrl } from '../env';
import { dialect as prismaDialect, type Dialect, type Tx } from './client';
import { openPgJs, pgJsParams, pgPlaceholders, type PgJs } from './pg-js';
import { isBatch, type SqlBatch, type SqlEnv, type SqlOp, type SqlProgram, type SqlScalar, type SqlValue } from './sql-program';
import { noteLocalWrite } from './local-writes';
import { startSqliteWorker, writeInBackground, WRITER_PRAGMAS } from './sqlite-worker';
import { sqliteFilePath } from './sqlite-path';
import { withRetries } from './transaction';

const ATTEMPTS = 8;

interface SqliteWriter {
  kind: 'sqlite';
  url: string;
  db: Database.Database;
  statements: Map<string, Database.Statement>;
}

interface PgWriter {
  kind: 'postgres';
  url: string;
  sql: PgJs;
}

type Writer = SqliteWriter | PgWriter;

const g = globalThis as unknown as { __scimPortalSqlWriter?: Writer };

function openWriter(url: string): Writer {
  if (isPostgresUrl(url)) {
    return { kind: 'postgres', url, sql: openPgJs(url, Number(process.env.SQL_WRITE_POOL_SIZE ?? 5)) };
  }
  const db = new Database(sqliteFilePath(url), { fileMustExist: true });
  // Never wait inside SQLite (that would block the event loop while Prisma's connection, on this same thread,
  // holds the lock): a busy BEGIN is retried after a short async pause instead.
  db.pragma('busy_timeout = 0');
  for (const p of WRITER_PRAGMAS) db.pragma(p);
  startSqliteWorker(sqliteFilePath(url));
  return { kind: 'sqlite', url, db, statements: new Map() };
}

function writer(): Writer {
  const url = env().databaseUrl;
  if (!g.__scimPortalSqlWriter || g.__scimPortalSqlWriter.url !== url) g.__scimPortalSqlWriter = openWriter(url);
  return g.__scimPortalSqlWriter;
}

function sqliteParam(v: SqlValue): string | number | bigint | null {
  if (Array.isArray(v)) throw new Error('SQLite takes no array parameters');
  const x = v as SqlScalar;
  return x === true ? 1 : x === false ? 0 : x instanceof Date ? x.toISOString().replace('Z', '+00:00') : x;
}

function drive<T>(program: SqlProgram<T>, exec: (op: SqlOp) => unknown): T {
  let step = program.next();
  while (!step.done) step = program.next(isBatch(step.value) ? step.value.batch.map(exec) : exec(step.value));
  return step.value;
}

async function driveAsync<T>(program: SqlProgram<T>, exec: (step: SqlOp | SqlBatch) => Promise<unknown>): Promise<T> {
  let step = program.next();
  while (!step.done) step = program.next(await exec(step.value));
  return step.value;
}

/** One statement after another, for drivers that cannot pipeline. */
const oneByOne = (exec: (op: SqlOp) => Promise<unknown>) => async (step: SqlOp | SqlBatch) => {
  if (!isBatch(step)) return exec(step);
  const out: unknown[] = [];
  for (const op of step.batch) out.push(await exec(op));
  return out;
};

function runSqlite<T>(w: SqliteWriter, make: (env: SqlEnv) => SqlProgram<T>): T {
  const exec = (op: SqlOp) => {
    let st = w.statements.get(op.sql);
    if (!st) w.statements.set(op.sql, (st = w.db.prepare(op.sql)));
    const params = op.params.map(sqliteParam);
    return op.mode === 'all' ? st.all(...params) : st.run(...params).changes;
  };
  w.db.exec('BEGIN IMMEDIATE');
  try {
    const out = drive(make({ dialect: 'sqlite' }), exec);
    w.db.exec('COMMIT');
    return out;
  } catch (e) {
    if (w.db.inTransaction) w.db.exec('ROLLBACK');
    throw e;
  } finally {
    noteLocalWrite();
  }
}

type PgResult = unknown[] & { count: number };

async function runPostgres<T>(w: PgWriter, make: (env: SqlEnv) => SqlProgram<T>): Promise<T> {
  const c = await w.sql.reserve();
  try {
    // BEGIN goes out in the same socket write as the program's first statement, and the final statement in the same
    // write as the COMMIT (postgres.js pipelines whatever is issued in one tick): no round trip for either, and no
    // lock held across a trip back to a busy event loop. A failing final statement turns that COMMIT into a
    // ROLLBACK; the one below is then a no-op.
    const begin = c.unsafe('BEGIN').execute();
    begin.catch(() => {}); // awaited with the first statement's answer
    let begun = false;
    let committed = false;
    try {
      const send = (op: SqlOp) => {
        const q = c.unsafe(pgPlaceholders(op.sql), pgJsParams(op.params.map(pgParam)), { prepare: true }).execute();
        q.catch(() => {}); // awaited below, in order; one failing makes the others fail too
        return q;
      };
      const answer = (op: SqlOp, r: PgResult) => (op.mode === 'all' ? r : r.count);
      const out = await driveAsync(make({ dialect: 'postgres' }), async (step) => {
        if (committed) throw new Error('SQL program ran a statement after its final one');
        const ops = isBatch(step) ? step.batch : [step];
        if (isBatch(step) && ops.some((op) => op.final)) throw new Error('a final statement cannot be part of a batch');
        const sent = ops.map(send);
        const commit = !isBatch(step) && step.final ? c.unsafe('COMMIT').execute() : null;
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

const pgScalar = (v: SqlScalar): unknown => (typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v);
const pgParam = (v: SqlValue): unknown => (Array.isArray(v) ? v.map(pgScalar) : pgScalar(v as SqlScalar));

// Serialization failure, deadlock, and a foreign-key violation: the programs only insert rows whose parents they
// have just read, so one fails only when a parent was deleted meanwhile (a user deleted while a PATCH adds it as
// a member); run again, the program reads the state after that delete and answers accordingly.
const PG_RETRYABLE = new Set(['40001', '40P01', '23503']);

/** Runs a program as one transaction on the app's database, retrying it when it loses a race. */
export function runProgram<T>(make: (env: SqlEnv) => SqlProgram<T>): Promise<T> {
  const w = writer();
  return withRetries(
    () => (w.kind === 'sqlite' ? runSqlite(w, make) : runPostgres(w, make)),
    (e) => PG_RETRYABLE.has((e as { code?: string })?.code ?? ''),
    ATTEMPTS,
  );
}

/**
 * Statements whose answers nobody reads and that no SCIM read depends on (the request log's rows, "last used"
 * stamps). On SQLite they run on the background worker's own connection (sqlite-worker.ts), each its own
 * transaction, so the event loop neither runs them nor stalls on their pages; on PostgreSQL, where the database's
 * work is off this thread already, as one program (retried as any other).
 */
export function writeUnanswered(make: (dialect: Dialect) => SqlOp[]): Promise<void> {
  const w = writer();
  const ops = make(w.kind);
  if (ops.length === 0) return Promise.resolve();
  if (w.kind === 'sqlite') {
    const sent = writeInBackground(
      sqliteFilePath(w.url),
      ops.map((op) => [op.sql, op.params.map(sqliteParam)]),
    );
    if (sent) return sent;
  }
  return runProgram(function* () {
    for (const op of ops) yield op;
  });
}

/** Runs a program inside a Prisma transaction the caller already holds (portal and host-API writes). */
export async function runProgramInTx<T>(tx: Tx, make: (env: SqlEnv) => SqlProgram<T>, d: Dialect = prismaDialect()): Promise<T> {
  return driveAsync(
    make({ dialect: d }),
    oneByOne((op) => {
      const text = d === 'postgres' ? pgPlaceholders(op.sql) : op.sql;
      const params = op.params.map(d === 'sqlite' ? sqliteParam : pgParam);
      return op.mode === 'all' ? tx.$queryRawUnsafe<unknown[]>(text, ...params) : tx.$executeRawUnsafe(text, ...params);
    }),
  );
}
