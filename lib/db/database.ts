// The process's database: one connection set, opened on first use from DATABASE_URL (SQLite: one better-sqlite3
// connection for every read and write; PostgreSQL: postgres.js pools). Everything the app reads and writes goes
// through the calls below: programs (sql-program.ts) to read and to write, one statement to look a row up.
import { env, isPostgresUrl } from '../env';
import type { Dialect } from './dialect';
import { openPostgres } from './postgres-driver';
import type { SqlEnv, SqlOp, SqlProgram, SqlRow, SqlValue } from './sql-program';
import { openSqlite } from './sqlite-driver';

export type Program<T> = (env: SqlEnv) => SqlProgram<T>;
export type SessionRun = (...ops: SqlOp[]) => Promise<SqlRow[]>;
/** `read` or `scan`: how a list is read, chosen by what bounds it. */
export type Reader = <T>(program: Program<T>) => Promise<T>;

export interface Database {
  dialect: Dialect;
  /** A write transaction, run again from the start when it loses a race (StaleWrite, a lock conflict). */
  write<T>(program: Program<T>): Promise<T>;
  /** A read: its statements see one snapshot on SQLite, and each its own committed state on PostgreSQL. */
  read<T>(program: Program<T>): Promise<T>;
  /**
   * A read that may scan (a list no index answers): SQLite runs it in a worker thread, PostgreSQL on a pool of its
   * own, so it costs its requester time, not everybody's. Refused at once when too many wait (ScansBusy), stopped
   * past SCAN_TIMEOUT_MS (ScanTimedOut): scan-gate.ts.
   */
  scan<T>(program: Program<T>): Promise<T>;
  /**
   * A read that waits for the writers under way (a program taking a lock they hold, such as the feed's settled end).
   * PostgreSQL: a short transaction of its own on a write connection, so the wait never holds the read connection
   * every request's lookups are pipelined on. SQLite: a read, as its writes commit one at a time.
   */
  readAfterWriters<T>(program: Program<T>): Promise<T>;
  /** One statement's rows, outside any transaction: the lookups every request makes (the token check). */
  lookup(sql: string, params: SqlValue[]): Promise<SqlRow[]>;
  /**
   * Statements outside any transaction, on a connection held for `fn` alone (PostgreSQL: CREATE INDEX CONCURRENTLY,
   * which refuses a transaction, under a session lock); `run` sends its statements in order and answers the last's
   * rows. On SQLite each `run` is a transaction of its own, in a worker thread (sqlite-session-worker.ts).
   */
  session<T>(fn: (run: SessionRun) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

let current: { url: string; db: Database } | null = null;

/** A connection set of its own to a database (tools such as the benchmark's seeder; the app uses `database()`). */
function openDatabase(url: string): Database {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
}

export function database(): Database {
  const url = env().databaseUrl;
  if (!current || current.url !== url) current = { url, db: openDatabase(url) };
  return current.db;
}

export const read = <T>(program: Program<T>): Promise<T> => database().read(program);
export const scan = <T>(program: Program<T>): Promise<T> => database().scan(program);
export const write = <T>(program: Program<T>): Promise<T> => database().write(program);
export const readAfterWriters = <T>(program: Program<T>): Promise<T> => database().readAfterWriters(program);
export const lookup = (sql: string, params: SqlValue[]): Promise<SqlRow[]> => database().lookup(sql, params);

/** Statements built for the database at hand, written as one transaction (the request log's batches). */
export const writeAll = (make: (env: SqlEnv) => SqlOp[]): Promise<void> =>
  database().write(function* (env) {
    for (const op of make(env)) yield op;
  });

/** Closes the connections (tests, shutdown). */
export async function closeDatabase(): Promise<void> {
  const c = current;
  current = null;
  await c?.db.close();
}
