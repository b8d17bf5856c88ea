// Builds and drops the host fields' indexes (field-indexes.ts) after the declaration commits, outside any
// transaction: on PostgreSQL CREATE/DROP INDEX CONCURRENTLY, so SCIM writes to DirectoryUser go on during a build of
// any length. Indexes are brought in line with their declarations under one session advisory lock, held on the
// build's own connection: two processes never build or drop an index at once, and a process that dies releases it
// with its connection. (Rows claimed FOR UPDATE SKIP LOCKED would need a transaction open through the build, and a
// concurrent build waits for the older transactions to end: it would wait for its own claim.)
import { database, read, write, type SessionRun } from '../db/database';
import { asBool } from '../db/rows';
import { one, rowsOf, run } from '../db/sql-program';
import { FIELD_INDEX_TABLE } from './field-indexes';

const LOCK_CLASS = 0x46494458; // "FIDX"
/** What a build that failed says in its reason, at most. */
const MAX_REASON = 500;

interface Target {
  row: { status: string; expression: string } | null;
  used: boolean;
  index: { valid: boolean } | null;
}

async function targetOf(name: string): Promise<Target> {
  const [row, uses, indexes] = await read(function* (env) {
    return [
      yield* one(`SELECT "status", "expression" FROM "HostFieldIndex" WHERE "name" = ?`, [name]),
      yield* one(`SELECT 1 AS "used" FROM "HostFieldIndexUse" WHERE "name" = ? LIMIT 1`, [name]),
      yield* rowsOf(env.dialect.indexesOf(FIELD_INDEX_TABLE)),
    ];
  });
  const found = indexes.find((r) => r.name === name);
  return {
    row: row && { status: String(row.status), expression: String(row.expression) },
    used: uses !== null,
    index: found ? { valid: asBool(found.valid) } : null,
  };
}

const setStatus = (name: string, status: string, error: string | null, when: string) =>
  write((env) =>
    run(`UPDATE "HostFieldIndex" SET "status" = ?, "error" = ?, "updatedAt" = ${env.dialect.now} WHERE "name" = ? AND ${when}`, [status, error, name]),
  );

/** One step towards what the declarations ask of `name`; false once nothing is left to do. */
async function step(runs: SessionRun, name: string): Promise<boolean> {
  const d = database().dialect;
  const t = await targetOf(name);
  if (!t.row || !t.used) {
    if (t.index) {
      if (t.row) await setStatus(name, 'dropping', null, `NOT EXISTS (SELECT 1 FROM "HostFieldIndexUse" x WHERE x."name" = "HostFieldIndex"."name")`);
      await runs(d.dropIndex(name));
      return true;
    }
    // Gone unless a host declared it meanwhile: then the next step builds it.
    const deleted = t.row
      ? await write(() =>
          run(`DELETE FROM "HostFieldIndex" WHERE "name" = ? AND NOT EXISTS (SELECT 1 FROM "HostFieldIndexUse" x WHERE x."name" = ?)`, [name, name]),
        )
      : 1;
    return deleted === 0;
  }
  if (t.index?.valid) {
    if (t.row.status === 'ready') return false;
    await setStatus(name, 'ready', null, `"status" <> 'ready'`);
    return true;
  }
  // INVALID: what a build interrupted (its connection or process killed) leaves; writes keep it up to date for nothing.
  if (t.index) {
    await runs(d.dropIndex(name));
    return true;
  }
  if (t.row.status === 'failed') return false; // tried again when a host declares it again (a PUT)
  try {
    await runs(d.buildIndex(FIELD_INDEX_TABLE, name, t.row.expression), ...d.indexShape(FIELD_INDEX_TABLE, name, '1000000 100000 1'));
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).slice(0, MAX_REASON);
    await runs(d.dropIndex(name)).catch(() => {});
    await setStatus(name, 'failed', reason, `"status" IN ('building', 'dropping')`);
  }
  return true;
}

/**
 * Brings these indexes in line with their declarations under the builds' lock; false when another process holds
 * it. One lock for the table, not one per index: two concurrent builds on one table deadlock in PostgreSQL's waits.
 */
export function reconcileFieldIndexes(next: () => string | undefined): Promise<boolean> {
  const d = database().dialect;
  return database().session(async (runs) => {
    const [lock] = await runs(d.trySessionLock(LOCK_CLASS, FIELD_INDEX_TABLE));
    if (!asBool(lock?.got)) return false;
    try {
      for (let name = next(); name !== undefined; name = next()) {
        // A few steps settle one (drop an INVALID leftover, build, mark ready); a host changing its mind adds some.
        for (let i = 0; i < 20 && (await step(runs, name)); i++);
      }
      return true;
    } finally {
      await runs(d.sessionUnlock(LOCK_CLASS, FIELD_INDEX_TABLE)).catch(() => {});
    }
  });
}

// Indexes this process has been asked to settle, and the one loop settling them.
const pending = new Set<string>();
let worker: Promise<void> | null = null;
const RETRY_MS = 1000;

const takePending = () => {
  const [name] = pending;
  if (name !== undefined) pending.delete(name);
  return name;
};

/**
 * Builds or drops these indexes in the background, after the declaration that named them committed; while another
 * process holds the lock, tries again every second. Settles when nothing is pending.
 */
export function kickFieldIndexes(names: string[]): Promise<void> {
  for (const n of names) pending.add(n);
  if (!worker && pending.size) worker = drain();
  return worker ?? Promise.resolve();
}

async function drain(): Promise<void> {
  await Promise.resolve(); // `worker` is set before this loop can end
  try {
    while (pending.size) if (!(await reconcileFieldIndexes(takePending).catch(() => true))) await new Promise((r) => setTimeout(r, RETRY_MS));
  } finally {
    worker = null;
  }
}
