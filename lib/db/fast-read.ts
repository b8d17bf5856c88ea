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

/** `?` placeholders → PostgreSQL's `$1, $2, …`. */
export const numberedPlaceholders = (sql: string): string => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

/** A stable prepared-statement name for a statement's text. */
export const statementName = (prefix: string, sql: string): string => `${prefix}_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;

function postgresReader(url: string): Reader {
  const types = utcTimestampTypes;
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.FAST_READ_POOL_SIZE ?? 20), types });
  const names = new Map<string, string>();
  return {
    url,
    async all(sql, params) {
      let name = names.get(sql);
      if (!name) names.set(sql, (name = statementName('fr', sql)));
      const text = numberedPlaceholders(sql);
      return (await pool.query({ name, text, values: params })).rows as Row[];
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
