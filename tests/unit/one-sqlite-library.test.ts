// Two copies of SQLite in one process corrupt the database (POSIX locks are per process, so one copy closing a
// file drops the other's locks: https://www.sqlite.org/howtocorrupt.html §2.2). Prisma's adapter and our own
// connections (fast-read.ts, sql-drivers.ts, migrate.ts) must load the same better-sqlite3.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

describe('better-sqlite3', () => {
  it('is one copy, shared with @prisma/adapter-better-sqlite3', () => {
    const require = createRequire(import.meta.url);
    const fromAdapter = createRequire(require.resolve('@prisma/adapter-better-sqlite3')).resolve('better-sqlite3');
    expect(fromAdapter).toBe(require.resolve('better-sqlite3'));
  });
});
