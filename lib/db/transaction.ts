// Transactions with retry: a write that loses a race (optimistic version check, PostgreSQL serialization or
// deadlock, SQLite's write lock held by another connection) is run again from the start on fresh data, so
// concurrent PATCHes never lose an update.
import type { Db, Tx } from './client';
import { isRetryableConflict, isSqliteBusy, SQLITE_BUSY_WAIT_MS } from './errors';

/** Thrown inside a transaction when the row changed since it was read; the whole transaction is retried. */
export class StaleWrite extends Error {
  constructor() {
    super('stale write');
  }
}

export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 8): Promise<T> {
  const started = Date.now();
  for (let i = 1; ; i++) {
    try {
      return await db.$transaction(fn, { maxWait: 10_000, timeout: 30_000 });
    } catch (e) {
      // A busy SQLite lock is waited out (for as long as busy_timeout would), not counted as a lost race.
      if (isSqliteBusy(e) && Date.now() - started < SQLITE_BUSY_WAIT_MS) {
        await new Promise((r) => setTimeout(r, 1 + Math.random() * Math.min(20, i)));
        i--;
        continue;
      }
      if (i >= attempts || !(e instanceof StaleWrite || isRetryableConflict(e))) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * i));
    }
  }
}
