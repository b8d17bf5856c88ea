// On SQLite the SCIM reads of one event-loop turn share one read snapshot (lib/db/fast-read.ts). Shared it must
// be (the point of it), and never older than what this process has written: a request reads its own writes,
// whether Prisma or a SQL program made them, and the next turn reads everything committed before it.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dialect, getDb } from '../../lib/db/client';
import { fastAll, shareReadSnapshotThisTurn } from '../../lib/db/fast-read';
import { runProgram } from '../../lib/db/sql-drivers';
import { run } from '../../lib/db/sql-program';
import { sqliteFilePath } from '../../lib/db/sqlite-path';
import { env } from '../../lib/env';
import { call, newDirectory, user } from './scim-helpers';

const nextTurn = () => new Promise((r) => setImmediate(r));

async function newUser(): Promise<{ directoryId: string; id: string }> {
  const dir = await newDirectory();
  const res = await call(dir, 'POST', 'Users', user(`snap-${Math.random()}@example.com`));
  expect(res.status).toBe(201);
  return { directoryId: dir.directoryId, id: res.body.id };
}

/** Through the hot path's reader (a GET reads only what a response needs, so the column is asked for by name). */
const externalIdOf = async (u: { directoryId: string; id: string }) =>
  (await fastAll('SELECT "externalId" FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?', [u.id, u.directoryId]))[0]?.externalId;

describe.skipIf(dialect() !== 'sqlite')('SQLite reads sharing a snapshot within a turn', () => {
  it('is shared: another connection’s commit shows from the next turn on, not in the middle of this one', async () => {
    const u = await newUser();
    const other = new Database(sqliteFilePath(env().databaseUrl));
    try {
      await nextTurn();
      shareReadSnapshotThisTurn();
      expect(await externalIdOf(u)).toBeNull();
      other.prepare(`UPDATE "DirectoryUser" SET "externalId" = 'from-elsewhere' WHERE "id" = ?`).run(u.id);
      expect(await externalIdOf(u)).toBeNull();
      await nextTurn();
      expect(await externalIdOf(u)).toBe('from-elsewhere');
    } finally {
      other.close();
    }
  });

  it('starts over after a write through Prisma in this process', async () => {
    const u = await newUser();
    const db = await getDb();
    await nextTurn();
    shareReadSnapshotThisTurn();
    expect(await externalIdOf(u)).toBeNull();
    await db.directoryUser.update({ where: { id: u.id }, data: { externalId: 'by-prisma' } });
    expect(await externalIdOf(u)).toBe('by-prisma');
  });

  it('starts over after a SQL program in this process', async () => {
    const u = await newUser();
    await nextTurn();
    shareReadSnapshotThisTurn();
    expect(await externalIdOf(u)).toBeNull();
    await runProgram(function* () {
      yield* run(`UPDATE "DirectoryUser" SET "externalId" = ? WHERE "id" = ?`, ['by-program', u.id]);
    });
    expect(await externalIdOf(u)).toBe('by-program');
  });

  it('outside a turn opened by a request, every read sees the latest commit', async () => {
    const u = await newUser();
    const other = new Database(sqliteFilePath(env().databaseUrl));
    try {
      await nextTurn();
      expect(await externalIdOf(u)).toBeNull();
      other.prepare(`UPDATE "DirectoryUser" SET "externalId" = 'seen-at-once' WHERE "id" = ?`).run(u.id);
      expect(await externalIdOf(u)).toBe('seen-at-once');
    } finally {
      other.close();
    }
  });
});
