// The SCIM hot path's reads (token check, GET /Users/{id}, a user's groups, `userName eq` lookups) in plain SQL
// with prepared statements, outside any transaction. Prisma's per-query overhead (query compilation, statement
// preparation) costs several times the query itself; these run on a connection of their own — a read-only SQLite
// handle in WAL mode sees every committed write — or on a pipelining PostgreSQL connection (pg-js.ts) with
// prepared statements.
import Database from 'better-sqlite3';
import { openPgJs, pgJsParams, pgPlaceholders } from './pg-js';
import { env, isPostgresUrl } from '../env';
import { sqliteFilePath } from './sqlite-path';

type Row = Record<string, unknown>;

interface Reader {
  url: string;
  all(sql: string, params: unknown[]): Promise<Row[]>;
}

const g = globalThis as unknown as { __scimPortalFastReader?: Reader };

function sqliteReader(url: string): Reader {
  const db = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const statements = new Map<string, Database.Statement>();
  return {
    url,
    async all(sql, params) {
      let st = statements.get(sql);
      if (!st) statements.set(sql, (st = db.prepare(sql)));
      return st.all(...params) as Row[];
    },
  };
}

function postgresReader(url: string): Reader {
  // One connection by default: every read here is an index lookup answered from memory, pipelining keeps the one
  // connection busy, and each extra connection means another socket write per event-loop turn and another server
  // process to wake (GET /Users/{id} on 2 cores: ~4,500 req/s on one, ~3,900 on two, ~3,700 on three). A database
  // that reads from disk gains from a few more (FAST_READ_POOL_SIZE).
  const sql = openPgJs(url, Number(process.env.FAST_READ_POOL_SIZE ?? 1));
  return {
    url,
    async all(text, params) {
      return (await sql.unsafe(pgPlaceholders(text), pgJsParams(params), { prepare: true })) as unknown as Row[];
    },
  };
}

function reader(): Reader {
  const url = env().databaseUrl;
  if (!g.__scimPortalFastReader || g.__scimPortalFastReader.url !== url) {
    g.__scimPortalFastReader = isPostgresUrl(url) ? postgresReader(url) : sqliteReader(url);
  }
  return g.__scimPortalFastReader;
}

export function fastDialect(): 'sqlite' | 'postgres' {
  return isPostgresUrl(env().databaseUrl) ? 'postgres' : 'sqlite';
}

export function fastAll(sql: string, params: unknown[]): Promise<Row[]> {
  return reader().all(sql, params);
}

/** SQLite gives ISO strings and 0/1; PostgreSQL gives Dates and booleans. */
export const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
export const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
export const asBool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
export const asInt = (v: unknown): number => Number(v);
export const asStr = (v: unknown): string => String(v);
export const asStrOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
