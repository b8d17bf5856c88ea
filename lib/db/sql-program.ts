// SQL programs: a generator yields each statement and receives its result, so one body of code runs on either
// database (database.ts): synchronously on SQLite (a write transaction in one tick: no await can let another
// request in while it holds the write lock), pipelined on PostgreSQL (BEGIN with the first statement, COMMIT with
// the last). Reads are programs too, so a read composes into a write's transaction with `yield*` and runs alone
// with the same code.
import type { Dialect } from './dialect';

export type SqlScalar = string | number | bigint | boolean | null | Date;
/** An array is a PostgreSQL parameter only (`?::text[]`, for unnest); SQLite has no array type. */
export type SqlValue = SqlScalar | readonly SqlScalar[];
export type SqlRow = Record<string, unknown>;

/** A condition with `?` parameters, in order (e.g. a compiled SCIM filter). */
export interface SqlCondition {
  sql: string;
  params: SqlValue[];
}

export interface SqlOp {
  /** `?` placeholders (PostgreSQL's drivers number them); never a `?` inside a literal. */
  sql: string;
  params: SqlValue[];
  /** `all` returns rows (SELECT, or a write with RETURNING); `run` returns the number of rows changed. */
  mode: 'all' | 'run';
  /**
   * The program's last statement: the PostgreSQL driver sends it with the COMMIT in one socket write, so the locks it
   * takes are held for PostgreSQL's own work only, never across a round trip to this process. A driver inside a
   * caller's transaction, or on SQLite, runs it as any other.
   */
  final?: boolean;
}

/** Statements sent at once — PostgreSQL's driver pipelines them, one round trip — each seeing the ones before it. */
export interface SqlBatch {
  batch: SqlOp[];
}

export type SqlProgram<T> = Generator<SqlOp | SqlBatch, T, unknown>;

/** A statement that returns rows, to run in a batch (`together`). */
export const allOp = (sql: string, params: SqlValue[] = []): SqlOp => ({ sql, params, mode: 'all' });

/** Runs one statement built by `allOp` and returns its rows. */
export function* rowsOf(op: SqlOp): SqlProgram<SqlRow[]> {
  return (yield op) as SqlRow[];
}

/** Runs statements in order as one batch and returns each one's rows; none of them may be a program's final one. */
export function* together(ops: SqlOp[]): SqlProgram<SqlRow[][]> {
  return (yield { batch: ops }) as SqlRow[][];
}

export const isBatch = (step: SqlOp | SqlBatch): step is SqlBatch => 'batch' in step;

/** Runs a statement that returns rows; `final` marks the program's last statement (SqlOp.final). */
export function* all(sql: string, params: SqlValue[] = [], final = false): SqlProgram<SqlRow[]> {
  return (yield { ...allOp(sql, params), ...(final ? { final } : {}) }) as SqlRow[];
}

/** A statement that changes rows, for a driver to run (`writeUnanswered`). */
export const runOp = (sql: string, params: SqlValue[] = []): SqlOp => ({ sql, params, mode: 'run' });

/** Runs a statement built by `runOp` (or a builder of rows.ts) and returns how many rows it changed. */
export function* changes(op: SqlOp): SqlProgram<number> {
  return (yield op) as number;
}

/** Runs a statement and returns how many rows it changed. */
export function* run(sql: string, params: SqlValue[] = []): SqlProgram<number> {
  return (yield runOp(sql, params)) as number;
}

/** The first row, or null. */
export function* one(sql: string, params: SqlValue[] = [], final = false): SqlProgram<SqlRow | null> {
  return (yield* all(sql, params, final))[0] ?? null;
}

/** `?, ?, ?` for an IN list of n values. */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** What a program needs to know about where it runs: the database's dialect (dialect.ts). */
export interface SqlEnv {
  dialect: Dialect;
}

/** Splits a list into pieces small enough for one statement's parameters. */
export function chunked<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
