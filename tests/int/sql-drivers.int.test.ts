// The SQL program driver on a real database: a program's final statement (sent with the COMMIT on PostgreSQL)
// commits everything before it when it succeeds and nothing when it fails; nothing may follow it.
import { describe, expect, it } from 'vitest';
import { dialect, getDb } from '../../lib/db/client';
import { runProgram } from '../../lib/db/sql-drivers';
import { one, run } from '../../lib/db/sql-program';
import { newDirectory } from './scim-helpers';

async function lastRequestAt(directoryId: string): Promise<Date | null> {
  const db = await getDb();
  return (await db.directory.findUniqueOrThrow({ where: { id: directoryId } })).lastRequestAt;
}

describe('final statements', () => {
  it('a successful final statement commits the whole program and returns its rows', async () => {
    const dir = await newDirectory();
    const at = new Date('2026-01-02T03:04:05.678Z');
    const row = await runProgram(function* () {
      yield* run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [at, dir.directoryId]);
      return yield* one(`SELECT "id", ? AS "echo" FROM "Directory" WHERE "id" = ?`, ["it's \\ $2 ?", dir.directoryId], true);
    });
    expect(row).toEqual({ id: dir.directoryId, echo: "it's \\ $2 ?" });
    expect((await lastRequestAt(dir.directoryId))?.toISOString()).toBe(at.toISOString());
  });

  it('a failing final statement rolls back everything before it', async () => {
    const dir = await newDirectory();
    await expect(
      runProgram(function* () {
        yield* run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [new Date(), dir.directoryId]);
        yield* one(`SELECT "nope" FROM "NoSuchTable" WHERE "id" = ?`, [dir.directoryId], true);
      }),
    ).rejects.toThrow();
    expect(await lastRequestAt(dir.directoryId)).toBeNull();
  });

  it('on PostgreSQL a statement after the final one is refused', async () => {
    const dir = await newDirectory();
    const program = runProgram(function* () {
      yield* one(`SELECT "id" FROM "Directory" WHERE "id" = ?`, [dir.directoryId], true);
      yield* run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [new Date(), dir.directoryId]);
    });
    if (dialect() === 'postgres') {
      await expect(program).rejects.toThrow(/after its final one/);
      expect(await lastRequestAt(dir.directoryId)).toBeNull();
    } else {
      await program;
      expect(await lastRequestAt(dir.directoryId)).not.toBeNull();
    }
  });
});
