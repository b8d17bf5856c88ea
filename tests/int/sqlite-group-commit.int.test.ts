// Group commit on SQLite (lib/db/sqlite-group-commit.ts): writes issued together share one transaction, each under
// its own savepoint, so one that fails leaves no trace and takes none of the others with it; each sees the ones
// before it; a program that loses a race runs again. On PostgreSQL each write is its own transaction: the same
// rows.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { database, read, write } from '../../lib/db/database';
import { all, run } from '../../lib/db/sql-program';
import { StaleWrite } from '../../lib/db/transaction';

const key = () => `gc-${randomBytes(6).toString('hex')}`;
const insert = (k: string, n: number) => run(`INSERT INTO "RateLimitWindow" ("key", "windowStart", "count") VALUES (?, ?, ?)`, [k, n, n]);

describe('writes issued together', () => {
  it('commit each on its own terms: a failing one leaves nothing, the others all land, in order', async () => {
    const k = key();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, n) =>
        write(function* () {
          yield* insert(k, n);
          // On SQLite it sees every write issued before it (the same transaction, or committed before it).
          const seen = yield* all(`SELECT COUNT(*) AS "n" FROM "RateLimitWindow" WHERE "key" = ?`, [k]);
          if (n % 7 === 3) throw new Error(`refused ${n}`);
          return Number(seen[0].n);
        }),
      ),
    );
    const failed = results.flatMap((r, n) => (r.status === 'rejected' ? [n] : []));
    expect(failed).toEqual([3, 10, 17, 24, 31, 38]);
    const rows = await read(() => all(`SELECT "windowStart" FROM "RateLimitWindow" WHERE "key" = ? ORDER BY "windowStart"`, [k]));
    expect(rows.map((r) => Number(r.windowStart))).toEqual(Array.from({ length: 40 }, (_, n) => n).filter((n) => !failed.includes(n)));
    // The nth successful write saw itself and every successful one before it (PostgreSQL runs them side by side).
    const counts = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    if (database().dialect.name === 'sqlite') expect(counts).toEqual(counts.map((_, i) => i + 1));
  });

  it('a program that loses a race runs again from the start, alone, and the others are not run twice', async () => {
    const k = key();
    let tries = 0;
    const runs: number[] = [];
    await Promise.all([
      write(function* () {
        runs.push(1);
        yield* insert(k, 1);
        if (++tries < 3) throw new StaleWrite();
      }),
      write(function* () {
        runs.push(2);
        yield* insert(k, 2);
      }),
    ]);
    expect(tries).toBe(3);
    expect(runs.filter((r) => r === 2)).toHaveLength(1);
    const rows = await read(() => all(`SELECT "windowStart" FROM "RateLimitWindow" WHERE "key" = ? ORDER BY "windowStart"`, [k]));
    expect(rows.map((r) => Number(r.windowStart))).toEqual([1, 2]);
  });

  it.skipIf(database().dialect.name !== 'sqlite')(
    'a program that ends the transaction itself takes the batch down with it, answered, and the next write runs',
    async () => {
      const k = key();
      const results = await Promise.allSettled([
        write(() => insert(k, 1)),
        write(function* () {
          yield* insert(k, 2);
          yield* run('ROLLBACK');
        }),
        write(() => insert(k, 3)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      await write(() => insert(k, 4));
      const rows = await read(() => all(`SELECT "windowStart" FROM "RateLimitWindow" WHERE "key" = ? ORDER BY "windowStart"`, [k]));
      expect(rows.map((r) => Number(r.windowStart))).toEqual([4]);
    },
  );
});
