// On SQLite a Prisma transaction begins as a reader and becomes a writer at its first write. If another
// connection holds the write lock at that moment (the WAL checkpointer's RESTART, another process), SQLite answers
// SQLITE_BUSY at once, without waiting: a reader cannot wait for a writer whose commit would make its snapshot
// stale. The transaction must then run again from the start, not fail (CI once saw a directory deletion fail so).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dialect, getDb } from '../../lib/db/client';
import { sqliteFilePath } from '../../lib/db/sqlite-path';
import { transaction } from '../../lib/db/transaction';
import { env } from '../../lib/env';
import { newDirectory } from './scim-helpers';

describe.skipIf(dialect() !== 'sqlite')('SQLite transactions meeting another connection\'s write lock', () => {
  it('run again once the lock is gone, and commit once', async () => {
    const db = await getDb();
    const dir = await newDirectory();
    const other = new Database(sqliteFilePath(env().databaseUrl));
    let runs = 0;
    try {
      await transaction(db, async (tx) => {
        runs++;
        const d = await tx.directory.findUniqueOrThrow({ where: { id: dir.directoryId } });
        if (runs === 1) {
          // Another connection takes the write lock after this transaction has read, and keeps it for 300 ms.
          other.exec('BEGIN IMMEDIATE');
          setTimeout(() => other.open && other.inTransaction && other.exec('COMMIT'), 300);
        }
        await tx.directory.update({ where: { id: d.id }, data: { lastRequestAt: new Date('2026-05-06T07:08:09Z') } });
      });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
    }
    expect(runs).toBeGreaterThan(1);
    const after = await db.directory.findUniqueOrThrow({ where: { id: dir.directoryId } });
    expect(after.lastRequestAt?.toISOString()).toBe('2026-05-06T07:08:09.000Z');
  });
});
