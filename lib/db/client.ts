// One Prisma client per process, for SQLite (default) or PostgreSQL (when DATABASE_URL is a postgres URL).
// Both clients are generated from the same model (prisma/schema.base.prisma), so they share one API; the
// SQLite client's types stand for both.
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgres/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { env, isPostgresUrl } from '../env';
import { countingLocalWrites } from './local-writes';
import { startSqliteWorker, WRITER_PRAGMAS } from './sqlite-worker';
import { sqliteFilePath } from './sqlite-path';

export type Db = SqliteClient;
/** A client or a transaction: data access takes one of these first so it composes inside transactions. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export type Dialect = 'sqlite' | 'postgres';

interface Holder {
  db: Db;
  dialect: Dialect;
  url: string;
  ready: Promise<void>;
  /** Set once `ready` has resolved: then the client is handed out without a promise (readyDb). */
  isReady?: boolean;
}

const g = globalThis as unknown as { __scimPortalDb?: Holder };

export function createDb(url: string): Holder {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const db = new PostgresClient({ adapter }) as unknown as Db;
    return { db, dialect: 'postgres', url, ready: Promise.resolve() };
  }
  // Counting its statements tells the fast reader's shared snapshot when this process has written (local-writes.ts).
  const adapter = countingLocalWrites(new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: 10_000 }));
  const db = new SqliteClient({ adapter });
  // The adapter opens one connection; these settings hold for its life (sqlite-worker.ts says why each).
  const ready = (async () => {
    await db.$queryRawUnsafe('PRAGMA busy_timeout = 10000');
    for (const p of WRITER_PRAGMAS) await db.$queryRawUnsafe(`PRAGMA ${p}`);
    startSqliteWorker(sqliteFilePath(url));
  })();
  return { db, dialect: 'sqlite', url, ready };
}

function holder(): Holder {
  const url = env().databaseUrl;
  if (!g.__scimPortalDb || g.__scimPortalDb.url !== url) g.__scimPortalDb = createDb(url);
  return g.__scimPortalDb;
}

/** The process's database client, ready to use. */
export async function getDb(): Promise<Db> {
  const h = holder();
  await h.ready;
  h.isReady = true;
  return h.db;
}

/**
 * The client when it is ready (after the first getDb), else null: the SCIM hot path takes it without an await,
 * each of which costs a promise and, once any async-local store is in use (Next's are, after its first request),
 * the async hooks' work for it.
 */
export function readyDb(): Db | null {
  const h = holder();
  return h.isReady ? h.db : null;
}

export function dialect(): Dialect {
  return holder().dialect;
}
