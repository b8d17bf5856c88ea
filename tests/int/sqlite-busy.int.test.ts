// On SQLite another connection may hold the write lock when a write program begins (the WAL checkpointer's
// RESTART, another process): the driver never waits inside SQLite (busy_timeout 0, so the event loop never stalls)
// and tries the BEGIN IMMEDIATE again until the lock is free (CI once saw a directory deletion fail so).
import { describe, expect, it } from 'vitest';
import { run } from '../../lib/db/sql-program';
import { sqliteFilePath } from '../../lib/db/sqlite-settings';
import { database, write } from '../../lib/db/database';
import { env } from '../../lib/env';
import { firstOf } from './db-rows';
import { newDirectory } from './scim-helpers';
import { holdWriteLock } from './write-lock-holder';

const MARK = new Date('2026-05-06T07:08:09.000Z');

describe.skipIf(database().dialect.name !== 'sqlite')('SQLite transactions and the write lock', () => {
  it('a SQL program whose BEGIN IMMEDIATE meets the lock waits for it, then commits', async () => {
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
    expect((await firstOf('Directory', '"id" = ?', [dir.directoryId])).lastRequestAt?.toISOString()).toBe(MARK.toISOString());
  });
});
