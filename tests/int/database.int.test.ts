// The database layer on a real database: a write program's final statement (sent with the COMMIT on PostgreSQL)
// commits everything before it when it succeeds and nothing when it fails; nothing may follow it; batches run in
// order; values come back the same on both databases; reads see what was committed, this process's writes first.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { database, lookup, read, write } from '../../lib/db/database';
import { openPgJs } from '../../lib/db/pg-js';
import { decode } from '../../lib/db/rows';
import { allOp, one, run, together } from '../../lib/db/sql-program';
import { sqliteFilePath } from '../../lib/db/sqlite-settings';
import { env } from '../../lib/env';
import { firstOf } from './db-rows';
import { newDirectory } from './scim-helpers';

const dialect = () => database().dialect.name;
const asDate = (v: unknown) => decode('Directory', { lastRequestAt: v }).lastRequestAt!;

async function lastRequestAt(directoryId: string): Promise<Date | null> {
  return (await firstOf('Directory', '"id" = ?', [directoryId])).lastRequestAt;
}

describe('final statements', () => {
  it('a successful final statement commits the whole program and returns its rows', async () => {
    const dir = await newDirectory();
    const at = new Date('2026-01-02T03:04:05.678Z');
    const row = await write(function* () {
      yield* run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [at, dir.directoryId]);
      return yield* one(`SELECT "id", ? AS "echo" FROM "Directory" WHERE "id" = ?`, ["it's \\ $2 ?", dir.directoryId], true);
    });
    expect(row).toEqual({ id: dir.directoryId, echo: "it's \\ $2 ?" });
    expect((await lastRequestAt(dir.directoryId))?.toISOString()).toBe(at.toISOString());
  });

  it('a failing final statement rolls back everything before it', async () => {
    const dir = await newDirectory();
    await expect(
      write(function* () {
        yield* run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [new Date(), dir.directoryId]);
        yield* one(`SELECT "nope" FROM "NoSuchTable" WHERE "id" = ?`, [dir.directoryId], true);
      }),
    ).rejects.toThrow();
    expect(await lastRequestAt(dir.directoryId)).toBeNull();
  });

  it('on PostgreSQL a statement after the final one is refused', async () => {
    const dir = await newDirectory();
    const program = write(function* () {
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
  it.skipIf(dialect() !== 'postgres')('come back as node-postgres gives them, in a read and in a write', async () => {
    const sql = `SELECT ?::timestamp AS "ts", ?::timestamptz AS "tz", ?::boolean AS "b", ?::boolean AS "bText", ?::json AS "j",
      ?::jsonb AS "jb", ?::bigint AS "n8", ?::int AS "n4", ?::text AS "t", ?::text AS "missing"`;
    const at = new Date('2026-01-02T03:04:05.678Z');
    const params = [at.toISOString(), at.toISOString(), true, 'true', '{"a":1}', '{"b":[2]}', '9007199254740993', 5, "O'Brien $1 ?", null];
    const expected = { ts: at, tz: at, b: true, bText: true, j: { a: 1 }, jb: { b: [2] }, n8: '9007199254740993', n4: 5, t: "O'Brien $1 ?", missing: null };
    expect({ ...(await read(() => one(sql, params))) }).toEqual(expected);
    const inProgram = await write(function* () {
      return yield* one(sql, params, true);
    });
    expect({ ...inProgram }).toEqual(expected);
  });
});

describe('batches (together)', () => {
  it('run in order, each statement seeing the ones before it', async () => {
    const dir = await newDirectory();
    const at = new Date('2026-03-04T05:06:07.089Z');
    const [updated, read] = await write(function* () {
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
      write(function* () {
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
  it.skipIf(dialect() !== 'postgres')('reaches the server through the socket, with postgres.js', async () => {
    const [{ dir, port }] = (await lookup(
      `SELECT split_part(current_setting('unix_socket_directories'), ',', 1) AS "dir", current_setting('port') AS "port"`,
      [],
    )) as { dir: string; port: string }[];
    const u = new URL(process.env.DATABASE_URL!);
    u.hostname = 'unreachable.invalid';
    u.searchParams.set('host', dir.trim());
    u.searchParams.set('port', port);
    // inet_server_addr() is NULL on a Unix-socket connection.
    const probe = `SELECT inet_server_addr() IS NULL AS "viaSocket", current_database()::text AS "db"`;
    const sql = openPgJs(u.toString(), 1);
    try {
      const [a] = await sql.unsafe(probe);
      expect({ ...a }).toEqual({ viaSocket: true, db: u.pathname.slice(1) });
    } finally {
      await sql.end();
    }
  });
});

describe('reads see what was committed', () => {
  it('a write, read back at once; a commit of another connection, from the next read on', async () => {
    const dir = await newDirectory();
    const at = new Date('2026-04-05T06:07:08.009Z');
    const lastRequest = () => read(() => one(`SELECT "lastRequestAt" FROM "Directory" WHERE "id" = ?`, [dir.directoryId]));
    await write(() => run(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`, [at, dir.directoryId]));
    expect(asDate((await lastRequest())!.lastRequestAt).getTime()).toBe(at.getTime());
    const later = new Date(at.getTime() + 1000);
    if (dialect() === 'sqlite') {
      const other = new Database(sqliteFilePath(env().databaseUrl));
      other.prepare(`UPDATE "Directory" SET "lastRequestAt" = ? WHERE "id" = ?`).run(later.toISOString().replace('Z', '+00:00'), dir.directoryId);
      other.close();
    } else {
      const other = openPgJs(env().databaseUrl, 1);
      await other.unsafe(`UPDATE "Directory" SET "lastRequestAt" = $1 WHERE "id" = $2`, [later.toISOString(), dir.directoryId]);
      await other.end();
    }
    expect(asDate((await lastRequest())!.lastRequestAt).getTime()).toBe(later.getTime());
  });
});
