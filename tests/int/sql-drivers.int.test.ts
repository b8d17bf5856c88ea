// The SQL program driver on a real database: a program's final statement (sent with the COMMIT on PostgreSQL)
// commits everything before it when it succeeds and nothing when it fails; nothing may follow it.
import { describe, expect, it } from 'vitest';
import { createDb, dialect, getDb } from '../../lib/db/client';
import { asDate, fastAll } from '../../lib/db/fast-read';
import { openPgJs } from '../../lib/db/pg-js';
import { runProgram } from '../../lib/db/sql-drivers';
import { allOp, one, run, together } from '../../lib/db/sql-program';
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

describe('values and rows on PostgreSQL (postgres.js, pg-js.ts)', () => {
  it.skipIf(dialect() !== 'postgres')('come back as node-postgres gives them, on the read pool and in a program', async () => {
    const sql = `SELECT ?::timestamp AS "ts", ?::timestamptz AS "tz", ?::boolean AS "b", ?::boolean AS "bText", ?::json AS "j",
      ?::jsonb AS "jb", ?::bigint AS "n8", ?::int AS "n4", ?::text AS "t", ?::text AS "missing"`;
    const at = new Date('2026-01-02T03:04:05.678Z');
    const params = [at.toISOString(), at.toISOString(), true, 'true', '{"a":1}', '{"b":[2]}', '9007199254740993', 5, "O'Brien $1 ?", null];
    const expected = { ts: at, tz: at, b: true, bText: true, j: { a: 1 }, jb: { b: [2] }, n8: '9007199254740993', n4: 5, t: "O'Brien $1 ?", missing: null };
    expect({ ...(await fastAll(sql, params))[0] }).toEqual(expected);
    const inProgram = await runProgram(function* () {
      return yield* one(sql, params, true);
    });
    expect({ ...inProgram }).toEqual(expected);
  });
});

describe('batches (together)', () => {
  it('run in order, each statement seeing the ones before it', async () => {
    const dir = await newDirectory();
    const at = new Date('2026-03-04T05:06:07.089Z');
    const [updated, read] = await runProgram(function* () {
      return yield* together([
        allOp(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ? RETURNING "id"`, [at, dir.directoryId]),
        allOp(`SELECT "lastRequestAt" FROM "Directory" WHERE "id" = ?`, [dir.directoryId]),
      ]);
    });
    expect(updated.map((r) => r.id)).toEqual([dir.directoryId]);
    expect(asDate(read[0].lastRequestAt).getTime()).toBe(at.getTime());
    expect((await lastRequestAt(dir.directoryId))?.getTime()).toBe(at.getTime());
  });

  it('a failing statement fails the program with its own error and rolls everything back', async () => {
    const dir = await newDirectory();
    await expect(
      runProgram(function* () {
        yield* together([
          allOp(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ? RETURNING "id"`, [new Date(), dir.directoryId]),
          allOp(`SELECT "nope" FROM "NoSuchTable"`),
          allOp(`SELECT "id" FROM "Directory" WHERE "id" = ?`, [dir.directoryId]),
        ]);
      }),
    ).rejects.toThrow(/NoSuchTable|nosuchtable|no such table/i);
    expect(await lastRequestAt(dir.directoryId)).toBeNull();
  });
});

describe('a PostgreSQL URL naming a Unix socket (`?host=/dir`, as libpq reads it)', () => {
  it.skipIf(dialect() !== 'postgres')('reaches the server through the socket, with postgres.js and with Prisma', async () => {
    const db = await getDb();
    const [{ dir, port }] = await db.$queryRawUnsafe<{ dir: string; port: string }[]>(
      `SELECT split_part(current_setting('unix_socket_directories'), ',', 1) AS "dir", current_setting('port') AS "port"`,
    );
    const u = new URL(process.env.DATABASE_URL!);
    u.hostname = 'unreachable.invalid';
    u.searchParams.set('host', dir.trim());
    u.searchParams.set('port', port);
    // inet_server_addr() is NULL on a Unix-socket connection.
    const probe = `SELECT inet_server_addr() IS NULL AS "viaSocket", current_database()::text AS "db"`;
    const sql = openPgJs(u.toString(), 1);
    const other = createDb(u.toString());
    try {
      const [a] = await sql.unsafe(probe);
      expect({ ...a }).toEqual({ viaSocket: true, db: u.pathname.slice(1) });
      const [b] = await other.db.$queryRawUnsafe<{ viaSocket: boolean; db: string }[]>(probe);
      expect(b).toEqual({ viaSocket: true, db: u.pathname.slice(1) });
    } finally {
      await sql.end();
      await other.db.$disconnect();
    }
  });
});
