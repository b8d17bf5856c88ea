// The process's database: one connection set, opened on first use from DATABASE_URL (SQLite: one better-sqlite3
// connection for every read and write; PostgreSQL: postgres.js pools). Everything the app reads and writes goes
// through the four calls below, each taking a SQL program (sql-program.ts).
import { env, isPostgresUrl } from '../env';
import type { Dialect } from './dialect';
import { openPostgres } from './postgres-driver';
import type { SqlEnv, SqlOp, SqlProgram, SqlRow } from './sql-program';
import { openSqlite } from './sqlite-driver';

export type Program<T> = (env: SqlEnv) => SqlProgram<T>;

/** A lookup by a few text keys that many requests make at once (the token check, a user by id…). */
export interface KeyedRead {
  /** Its names for the keys, in order (for the batched form). */
  keys: string[];
  /** The lookup alone: the keys are its `?` parameters, in order. */
  one: string;
  /**
   * Several lookups in one statement (PostgreSQL): `from` is a FROM item of rows `k(<keys…>, …)` and `position` the
   * expression of each lookup's position among them, from 1, which the statement returns as "batchN".
   */
  many(from: string, position: string): string;
}

export interface Database {
  dialect: Dialect;
  /** A write transaction, run again from the start when it loses a race (StaleWrite, a lock conflict). */
  write<T>(program: Program<T>): Promise<T>;
  /** A read: its statements see one snapshot on SQLite, and each its own committed state on PostgreSQL. */
  read<T>(program: Program<T>): Promise<T>;
  /** One keyed lookup; on PostgreSQL sent with the other lookups of this event-loop turn in one statement. */
  lookup(read: KeyedRead, keys: string[]): Promise<SqlRow[]>;
  /** Statements nobody waits on and no read depends on (the request log): off the event loop where it can be. */
  writeUnanswered(ops: SqlOp[]): Promise<void>;
  close(): Promise<void>;
}

let current: { url: string; db: Database } | null = null;

/** A connection set of its own to a database (tools such as the benchmark's seeder; the app uses `database()`). */
export function openDatabase(url: string): Database {
  return isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
}

export function database(): Database {
  const url = env().databaseUrl;
  if (!current || current.url !== url) current = { url, db: openDatabase(url) };
  return current.db;
}

export const read = <T>(program: Program<T>): Promise<T> => database().read(program);
export const write = <T>(program: Program<T>): Promise<T> => database().write(program);
export const lookup = (r: KeyedRead, keys: string[]): Promise<SqlRow[]> => database().lookup(r, keys);
export const writeUnanswered = (make: (env: SqlEnv) => SqlOp[]): Promise<void> => {
  const db = database();
  return db.writeUnanswered(make({ dialect: db.dialect }));
};

/** Closes the connections (tests, shutdown). */
export async function closeDatabase(): Promise<void> {
  const c = current;
  current = null;
  await c?.db.close();
}
