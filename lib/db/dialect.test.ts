import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { escapeLike, postgres, sqlite } from './dialect';
import type { SqlValue } from './sql-program';
import type { ColumnKind } from './table-def';

describe('dialects', () => {
  it('write `?` placeholders; PostgreSQL numbers them', () => {
    expect(sqlite.text('a = ? AND b = ?')).toBe('a = ? AND b = ?');
    expect(postgres.text('a = ? AND b = ?')).toBe('a = $1 AND b = $2');
  });

  it('take a list of values as one parameter, whatever its length', () => {
    expect(sqlite.inList('x', ['a', 'b'])).toEqual(['x IN (SELECT value FROM json_each(?))', '["a","b"]']);
    expect(postgres.inList('x', ['a', 'b'])).toEqual(['x = ANY(?::text[])', ['a', 'b']]);
  });

  it('lock on PostgreSQL only (SQLite runs one write transaction at a time)', () => {
    expect(sqlite.lock('shared', 1, 'dir_1')).toEqual([]);
    expect(sqlite.lockRows('DirectoryUser', ['usr_1'])).toEqual([]);
    expect(postgres.lock('shared', 1, 'dir_1')[0].sql).toContain('pg_advisory_xact_lock_shared');
    expect(postgres.lock('exclusive', 1, 'dir_1')[0].params).toEqual(postgres.lock('shared', 1, 'dir_1')[0].params);
    expect(postgres.lock('shared', 1, 'dir_1')[0].params).not.toEqual(postgres.lock('shared', 2, 'dir_1')[0].params);
  });

  it('build and drop run-time indexes concurrently on PostgreSQL, and try its session lock without waiting', () => {
    expect(postgres.buildIndex('T', 'T_x', '"a"').sql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS "T_x" ON "T" ("a")');
    expect(postgres.dropIndex('T_x').sql).toBe('DROP INDEX CONCURRENTLY IF EXISTS "T_x"');
    expect(sqlite.buildIndex('T', 'T_x', '"a"').sql).toBe('CREATE INDEX IF NOT EXISTS "T_x" ON "T" ("a")');
    expect(postgres.trySessionLock(1, 'T').sql).toContain('pg_try_advisory_lock(');
    expect(postgres.sessionUnlock(1, 'T').params).toEqual(postgres.trySessionLock(1, 'T').params);
  });

  it('give many rows as values in one statement text whatever their number: PostgreSQL one array a column, SQLite one JSON parameter', () => {
    const columns = Array.from({ length: 10 }, (_, i) => [`c${i}`, 'text'] as [string, 'text']);
    const rows = Array.from({ length: 1200 }, (_, r) => columns.map((_, c) => `${r}:${c}`));
    expect(sqlite.rowsFrom(columns, rows).sql).toBe(sqlite.rowsFrom(columns, rows.slice(0, 1)).sql);
    const [pg, pgOne] = [postgres.rowsFrom(columns, rows), postgres.rowsFrom(columns, rows.slice(0, 1))];
    expect(pg.sql).toBe(`unnest(${columns.map(() => '?::text[]').join(', ')}) AS v(${columns.map(([n]) => `"${n}"`).join(', ')})`);
    expect(pgOne.sql).toBe(pg.sql);
    expect(pg.params[3]).toEqual(rows.map((r) => r[3]));
  });

  it('SQLite stores the rows as bound parameters would', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE "A" (t TEXT, i INTEGER, b BOOLEAN, d DATETIME, n TEXT, g BIGINT, f REAL); CREATE TABLE "B" AS SELECT * FROM "A"`);
    const at = new Date('2026-01-02T03:04:05.678Z');
    const columns: [string, ColumnKind][] = [
      ['t', 'text'],
      ['i', 'int'],
      ['b', 'boolean'],
      ['d', 'dateTime'],
      ['n', 'text'],
      ['g', 'bigint'],
      ['f', 'float'],
    ];
    const rows: SqlValue[][] = [
      ['a "quoted" \\ text, ✓', 42, true, at, null, 2n ** 60n + 1n, 1.5],
      ['', -1, false, at, 'x', 0n, 0],
    ];
    const from = sqlite.rowsFrom(columns, rows);
    db.prepare(`INSERT INTO "A" SELECT v.* FROM ${from.sql}`).run(...from.params.map(sqlite.param));
    for (const r of rows) db.prepare(`INSERT INTO "B" VALUES (?, ?, ?, ?, ?, ?, ?)`).run(...r.map(sqlite.param));
    const all = (t: string) => db.prepare(`SELECT *, typeof(g) AS "gType", typeof(f) AS "fType" FROM "${t}"`).safeIntegers(true).all();
    expect(all('A')).toEqual(all('B'));
    expect(all('A')[0]).toMatchObject({ g: 2n ** 60n + 1n, b: 1n, d: '2026-01-02T03:04:05.678+00:00' });
    db.close();
  });

  it('escape LIKE operands and encode values as each driver takes them', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    const at = new Date('2026-01-02T03:04:05.678Z');
    expect(sqlite.param(at)).toBe('2026-01-02T03:04:05.678+00:00');
    expect(sqlite.param(true)).toBe(1);
    expect(postgres.param(at)).toBe('2026-01-02T03:04:05.678Z');
    expect(postgres.param([at, 1n])).toEqual(['2026-01-02T03:04:05.678Z', '1']);
    expect(() => sqlite.param(['a'])).toThrow(/array/);
  });
});
