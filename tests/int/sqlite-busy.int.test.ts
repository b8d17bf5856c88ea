// On SQLite every transaction() takes the write lock before it reads. Prisma's adapter begins with a deferred
// BEGIN, so a transaction used to read a snapshot and fail at its first write if the SQL programs' connection had
// committed meanwhile (SQLITE_BUSY_SNAPSHOT) or another connection held the lock (SQLITE_BUSY, not waited for: CI
// once saw a directory deletion fail so, against the WAL checkpointer's RESTART).
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { dialect, getDb } from '../../lib/db/client';
import { runProgram } from '../../lib/db/sql-drivers';
import { run } from '../../lib/db/sql-program';
import { sqliteFilePath } from '../../lib/db/sqlite-path';
import { transaction } from '../../lib/db/transaction';
import { env } from '../../lib/env';
import { newDirectory } from './scim-helpers';

const MARK = new Date('2026-05-06T07:08:09.000Z');
const LATER = new Date('2026-05-06T08:00:00.000Z');

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
  it('a transaction started while another connection holds the lock waits for it, then commits', async () => {
    const db = await getDb();
    const dir = await newDirectory();
    const holder = await holdWriteLock(sqliteFilePath(env().databaseUrl), 300);
    try {
      await transaction(db, async (tx) => {
        const d = await tx.directory.findUniqueOrThrow({ where: { id: dir.directoryId } });
        await tx.directory.update({ where: { id: d.id }, data: { lastRequestAt: MARK } });
      });
    } finally {
      await holder.terminate();
    }
    expect((await db.directory.findUniqueOrThrow({ where: { id: dir.directoryId } })).lastRequestAt?.toISOString()).toBe(MARK.toISOString());
  });

  it('a SCIM write arriving between its read and its write waits for it: one run, the later write wins', async () => {
    const db = await getDb();
    const dir = await newDirectory();
    let runs = 0;
    let program: Promise<unknown> | undefined;
    await transaction(db, async (tx) => {
      runs++;
      const d = await tx.directory.findUniqueOrThrow({ where: { id: dir.directoryId } });
      program ??= runProgram(function* () {
        yield* run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [LATER, dir.directoryId]);
      });
      await new Promise((r) => setTimeout(r, 50));
      await tx.directory.update({ where: { id: d.id }, data: { lastRequestAt: MARK } });
    });
    await program;
    expect(runs).toBe(1);
    expect((await db.directory.findUniqueOrThrow({ where: { id: dir.directoryId } })).lastRequestAt?.toISOString()).toBe(LATER.toISOString());
  });
});
