// Applies the committed SQL migrations in prisma/<db>/migrations to DATABASE_URL: one transaction per
// migration, a lock so concurrent app starts don't race, and a table of applied migrations with checksums so an
// edited migration is caught instead of silently skipped. (Prisma's CLI `migrate deploy` can't run on
// PostgreSQL here, so both databases use this runner.)
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../env';
import { sqliteFilePath } from './sqlite-settings';

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function loadMigrations(provider: 'sqlite' | 'postgres', root = process.cwd()): Migration[] {
  const dir = path.join(root, 'prisma', provider, 'migrations');
  return fs
    .readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export async function migrate(databaseUrl: string, root = process.cwd()): Promise<string[]> {
  return isPostgresUrl(databaseUrl) ? migratePostgres(databaseUrl, root) : migrateSqlite(databaseUrl, root);
}

function checkApplied(applied: Map<string, string>, all: Migration[]): Migration[] {
  for (const m of all) {
    const sum = applied.get(m.name);
    if (sum && sum !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
  }
  return all.filter((m) => !applied.has(m.name));
}

function migrateSqlite(url: string, root: string): string[] {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.exec('CREATE TABLE IF NOT EXISTS "_scim_portal_migrations" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)');
    // Prisma's SQLite migrations rebuild tables (create new, copy, drop old). With foreign keys enforced, dropping
    // the old table would cascade-delete its children, and the PRAGMA inside the migration is a no-op within a
    // transaction; so keys are off for this connection and checked after each migration instead.
    db.pragma('foreign_keys = OFF');
    const done: string[] = [];
    // BEGIN IMMEDIATE takes SQLite's write lock: a second process waits, then finds the work done.
    for (;;) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const rows = db.prepare('SELECT name, checksum FROM "_scim_portal_migrations"').all() as {
          name: string;
          checksum: string;
        }[];
        const next = checkApplied(new Map(rows.map((r) => [r.name, r.checksum])), loadMigrations('sqlite', root))[0];
        if (!next) {
          plannerStatistics(db);
          db.exec('COMMIT');
          return done;
        }
        db.exec(next.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration ${next.name} left ${broken.length} broken foreign keys`);
        db.prepare('INSERT INTO "_scim_portal_migrations" VALUES (?, ?, ?)').run(next.name, next.checksum, new Date().toISOString());
        db.exec('COMMIT');
        done.push(next.name);
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    }
  } finally {
    db.close();
  }
}

/** Leading index columns that many rows share (a tenant, a status): everything after them narrows to a few rows. */
const SHARED_COLUMNS = new Set(['directoryId', 'hostId', 'organizationId', 'status', 'endpointId', 'windowStart']);
/** Columns nearly every row holds the same value of (null, the current mapping): they narrow nothing, wherever they stand in an index. */
const UNSELECTIVE_COLUMNS = new Set(['removedAt', 'mappingVersion']);

/**
 * SQLite plans without statistics until ANALYZE runs, and without them takes every index on `directoryId` for a
 * handful of rows: it would then walk a whole directory in `createdAt` order to answer `externalId eq` rather than
 * use the (directoryId, externalId) index and sort one row. Indexes that have no statistics yet get the shape of a
 * large directory (a real ANALYZE, if one ever runs, replaces them): a leading shared column matches many rows,
 * every further column a few. The app's connections read them when they open.
 */
function plannerStatistics(db: Database.Database): void {
  db.exec('ANALYZE sqlite_schema');
  const have = new Map((db.prepare('SELECT "idx", "stat" FROM sqlite_stat1').all() as { idx: string | null; stat: string }[]).map((r) => [r.idx, r.stat]));
  const indexes = db
    .prepare(`SELECT "name", "tbl_name" AS "table" FROM sqlite_schema WHERE "type" = 'index' AND "tbl_name" <> '_scim_portal_migrations'`)
    .all() as { name: string; table: string }[];
  const insert = db.prepare('INSERT INTO sqlite_stat1 ("tbl", "idx", "stat") VALUES (?, ?, ?)');
  const update = db.prepare('UPDATE sqlite_stat1 SET "stat" = ? WHERE "tbl" = ? AND "idx" = ?');
  for (const { name, table } of indexes) {
    const cols = (db.prepare('SELECT "name" FROM pragma_index_info(?)').all(name) as { name: string }[]).map((c) => c.name);
    const unique = (db.prepare('SELECT "unique" FROM pragma_index_list(?) WHERE "name" = ?').get(table, name) as { unique: number } | undefined)?.unique === 1;
    // A unique index's whole key is one row, even on a shared column alone (AttributeMapping's directoryId): read as
    // 100,000, the token check's joins looked large and SQLite built a Bloom filter over the directory's users.
    const selectivity = (c: string, i: number) =>
      unique && i === cols.length - 1 ? 1 : (i === 0 && SHARED_COLUMNS.has(c)) || UNSELECTIVE_COLUMNS.has(c) ? 100_000 : 1;
    const stat = [1_000_000, ...cols.map(selectivity)].join(' ');
    const current = have.get(name);
    if (current === undefined) insert.run(table, name, stat);
    // Statistics this function wrote earlier with a unique key read as many rows (a real ANALYZE never says so).
    else if (unique && current.split(' ').at(-1) !== '1') update.run(stat, table, name);
  }
}

const LOCK_KEY = 727_110_001;

async function migratePostgres(url: string, root: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_scim_portal_migrations" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_scim_portal_migrations"');
    const pending = checkApplied(new Map(rows.map((r) => [r.name, r.checksum])), loadMigrations('postgres', root));
    for (const m of pending) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO "_scim_portal_migrations" (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
