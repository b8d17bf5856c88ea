// The SCIM hot path's reads (token check, GET /Users/{id}, a user's groups, `userName eq` lookups) in plain SQL
// with prepared statements, outside any transaction. Prisma's per-query overhead (query compilation, statement
// preparation) costs several times the query itself; these run on a connection of their own — a read-only SQLite
// handle in WAL mode sees every committed write — or on a small PostgreSQL pool with named prepared statements.
import Database from 'better-sqlite3';
import pg from 'pg';
import { createHash } from 'node:crypto';
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

/** `timestamp without time zone` columns hold UTC (Prisma writes UTC): parse them as such, on our own pools only. */
export const utcTimestampTypes = {
  getTypeParser: (oid: number, format?: string) =>
    oid === 1114 ? (s: string) => new Date(`${s.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format as 'text'),
};

const pgStatements = new Map<string, { name: string; text: string }>();

/**
 * A statement as PostgreSQL takes it — `?` placeholders numbered `$1, $2, …` and a stable prepared-statement name —
 * computed once per statement text.
 */
export function pgStatement(sql: string): { name: string; text: string } {
  let st = pgStatements.get(sql);
  if (!st) {
    let i = 0;
    st = { name: `sp_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`, text: sql.replace(/\?/g, () => `$${++i}`) };
    pgStatements.set(sql, st);
  }
  return st;
}

function postgresReader(url: string): Reader {
  const types = utcTimestampTypes;
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.FAST_READ_POOL_SIZE ?? 20), types });
  return {
    url,
    async all(sql, params) {
      return (await pool.query({ ...pgStatement(sql), values: params })).rows as Row[];
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
