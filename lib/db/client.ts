// Prisma Client, for the tables not yet on lib/db/database.ts (organizations, API keys, operators, audit reads,
// portal links, webhooks, rate limits): issue 17's M3 ports them and removes this file. One client per process,
// for SQLite (default) or PostgreSQL; both are generated from the same model, so the SQLite client's types stand
// for both. Nothing on the SCIM path uses it.
import { PrismaClient as SqliteClient } from '../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../generated/postgres/client';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { env, isPostgresUrl } from '../env';
import { startSqliteWorker } from './sqlite-worker';
import { sqliteFilePath, sqlitePragmas } from './sqlite-settings';

export type Db = SqliteClient;
/** A client or a transaction: data access takes one of these first so it composes inside transactions. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export type Dialect = 'sqlite' | 'postgres';

interface Holder {
  db: Db;
  dialect: Dialect;
  url: string;
  ready: Promise<void>;
}

let current: Holder | null = null;

export function createDb(url: string): Holder {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: env().prismaPoolSize });
    const db = new PostgresClient({ adapter }) as unknown as Db;
    return { db, dialect: 'postgres', url, ready: Promise.resolve() };
  }
  const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: 10_000 });
  const db = new SqliteClient({ adapter });
  // The adapter opens one connection; these settings hold for its life (sqlite-worker.ts says why each).
  const ready = (async () => {
    await db.$queryRawUnsafe('PRAGMA busy_timeout = 10000');
    for (const p of sqlitePragmas()) await db.$queryRawUnsafe(`PRAGMA ${p}`);
    startSqliteWorker(sqliteFilePath(url));
  })();
  return { db, dialect: 'sqlite', url, ready };
}

function holder(): Holder {
  const url = env().databaseUrl;
  if (!current || current.url !== url) current = createDb(url);
  return current;
}

/** The process's database client, ready to use. */
export async function getDb(): Promise<Db> {
  const h = holder();
  await h.ready;
  return h.db;
}

export function dialect(): Dialect {
  return holder().dialect;
}
