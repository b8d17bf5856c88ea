// What the host field index tests share: declaring fields, the field indexes as the database has them, and on
// PostgreSQL a user write held open (a concurrent build waits for it) and the builds running.
import { afterEach } from 'vitest';
import { isFieldIndexName } from '../../lib/attributes/field-indexes';
import { saveUserSchema } from '../../lib/attributes/user-schema';
import { read, write } from '../../lib/db/database';
import { openPgJs, type PgJs } from '../../lib/db/pg-js';
import { insertSelectOps } from '../../lib/db/rows';
import { changes, rowsOf } from '../../lib/db/sql-program';
import { env } from '../../lib/env';
import { newId } from '../../lib/ids';
import { putUserSchemaInputSchema } from '../../lib/schemas/user-schema';
import { query } from './db-rows';
import { bulkUserRow } from './scim-helpers';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The host declares these keys, each an indexed string field, under `slug`. */
export const declare = (hostId: string, slug: string, keys: string[]) =>
  saveUserSchema(hostId, putUserSchemaInputSchema.parse({ slug, fields: keys.map((key) => ({ key, label: key, type: 'string', indexed: true })) }), 'test');

/** field-indexes.ts's indexes on DirectoryUser, with PostgreSQL's validity. */
export async function fieldIndexes(): Promise<{ name: string; valid: boolean }[]> {
  const rows = await read((e) => rowsOf(e.dialect.indexesOf('DirectoryUser')));
  return rows.filter((r) => isFieldIndexName(String(r.name))).map((r) => ({ name: String(r.name), valid: r.valid === true || r.valid === 1 }));
}

// PostgreSQL: a transaction holding DirectoryUser as a writer does (ROW EXCLUSIVE), left open as a long SCIM write
// would be, locking no row. A concurrent build waits for it before it can finish; a build inside a transaction
// (SHARE) would also hold every later writer behind it.
let pools: PgJs[] = [];
/** A connection of the test's own to the database (closed after each test). */
export function connection(): PgJs {
  const pool = openPgJs(env().databaseUrl, 1);
  pools.push(pool);
  return pool;
}
export async function holdUsersWrite(): Promise<() => Promise<void>> {
  const c = await connection().reserve();
  await c.unsafe('BEGIN');
  await c.unsafe('LOCK TABLE "DirectoryUser" IN ROW EXCLUSIVE MODE');
  return async () => {
    await c.unsafe('COMMIT');
    c.release();
  };
}
afterEach(async () => {
  await Promise.all(pools.map((b) => b.end({ timeout: 1 })));
  pools = [];
});

/** Backends of this database running a concurrent build (waiting or working). */
export const buildsRunning = async () =>
  (await query(`SELECT "pid" FROM pg_stat_activity WHERE "datname" = current_database() AND "query" LIKE 'CREATE INDEX CONCURRENTLY%'`)).map((r) =>
    Number(r.pid),
  );
export async function untilBuilding(n = 1): Promise<number[]> {
  for (let i = 0; i < 200; i++) {
    const pids = await buildsRunning();
    if (pids.length >= n) return pids;
    await sleep(25);
  }
  throw new Error('no concurrent build started');
}

export async function seedUsers(directoryId: string, n: number, urn: string): Promise<void> {
  for (let b = 0; b < n; b += 2000)
    await write(function* (e) {
      const rows = Array.from({ length: Math.min(2000, n - b) }, (_, k) => {
        const userName = `seed${b + k}@example.com`;
        return bulkUserRow(directoryId, newId('usr'), userName, { userName, [urn]: { code: `S-${b + k}` } });
      });
      for (const op of insertSelectOps(e.dialect, 'DirectoryUser', rows)) yield* changes(op);
    });
}
