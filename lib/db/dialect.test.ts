import { describe, expect, it } from 'vitest';
import { escapeLike, postgres, sqlite } from './dialect';

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

  it('give many rows as values: PostgreSQL one array a column, SQLite VALUES lists within its parameter limit', () => {
    const columns = Array.from({ length: 10 }, (_, i) => [`c${i}`, 'text'] as [string, 'text']);
    const rows = Array.from({ length: 1200 }, (_, r) => columns.map((_, c) => `${r}:${c}`));
    const pieces = sqlite.rowsFrom(columns, rows);
    expect(pieces.map((p) => p.params.length)).toEqual([5000, 5000, 2000]);
    expect(pieces.flatMap((p) => p.params)).toEqual(rows.flat());
    expect(pieces[0].sql).toMatch(/^\(SELECT column1 AS "c0", .* FROM \(VALUES \(\?, /);
    const [pg] = postgres.rowsFrom(columns, rows);
    expect(pg.sql).toBe(`unnest(${columns.map(() => '?::text[]').join(', ')}) AS v(${columns.map(([n]) => `"${n}"`).join(', ')})`);
    expect(pg.params[3]).toEqual(rows.map((r) => r[3]));
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
