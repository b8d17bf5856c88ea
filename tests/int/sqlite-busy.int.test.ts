// On SQLite a Prisma transaction begins as a reader (the adapter's BEGIN is deferred) and becomes a writer at its
// first write. If another connection holds the write lock at that moment (the WAL checkpointer's RESTART, another
// process), SQLite answers SQLITE_BUSY at once: a reader is not let wait for a writer whose commit would make its
// snapshot stale. transaction() must then run it again, not fail (CI once saw a directory deletion fail so).
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { dialect, getDb } from '../../lib/db/client';
import { write } from '../../lib/db/database';
import { run } from '../../lib/db/sql-program';
import { sqliteFilePath } from '../../lib/db/sqlite-settings';
import { transaction } from '../../lib/db/transaction';
import { env } from '../../lib/env';
import { newDirectory } from './scim-helpers';

const MARK = new Date('2026-05-06T07:08:09.000Z');

/** Another thread takes the write lock, says so, and keeps it for `ms` (as the checkpointer's RESTART does). */
async function holdWriteLock(file: string, ms: number): Promise<Worker> {
  const w = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const Database = require('better-sqlite3');
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('held');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, workerData.ms);`,
    { eval: true, workerData: { file, ms } },
  );
  await once(w, 'message');
  return w;
}

describe.skipIf(dialect() !== 'sqlite')('SQLite transactions and the write lock', () => {
  it('a transaction that reads, then meets the lock at its first write, runs again and commits', async () => {
    const db = await getDb();
    const dir = await newDirectory();
    const holder = await holdWriteLock(sqliteFilePath(env().databaseUrl), 300);
    let runs = 0;
    try {
      await transaction(db, async (tx) => {
        runs++;
        const d = await tx.directory.findUniqueOrThrow({ where: { id: dir.directoryId } });
        await tx.directory.update({ where: { id: d.id }, data: { lastRequestAt: MARK } });
      });
    } finally {
      await holder.terminate();
    }
    expect(runs).toBeGreaterThan(1);
    expect((await db.directory.findUniqueOrThrow({ where: { id: dir.directoryId } })).lastRequestAt?.toISOString()).toBe(MARK.toISOString());
  });

  it('a SQL program whose BEGIN IMMEDIATE meets the lock waits for it, then commits', async () => {
    const db = await getDb();
    const dir = await newDirectory();
    const holder = await holdWriteLock(sqliteFilePath(env().databaseUrl), 300);
    const started = Date.now();
    try {
      await write(function* () {
        yield* run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [MARK, dir.directoryId]);
      });
    } finally {
      await holder.terminate();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect((await db.directory.findUniqueOrThrow({ where: { id: dir.directoryId } })).lastRequestAt?.toISOString()).toBe(MARK.toISOString());
  });
});
