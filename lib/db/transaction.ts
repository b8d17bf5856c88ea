// Transactions with retry: a write that loses a race (optimistic version check, PostgreSQL serialization or
// deadlock, SQLite's write lock held by another connection) is run again from the start on fresh data, so
// concurrent PATCHes never lose an update.
import { isSqliteBusy, SQLITE_BUSY_WAIT_MS } from './errors';

/** Thrown inside a transaction when the row changed since it was read; the whole transaction is retried. */
export class StaleWrite extends Error {
  constructor() {
    super('stale write');
  }
}

/** Runs of one write program before its lost race is the caller's error, on either database. */
export const WRITE_ATTEMPTS = 8;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `run` (one whole transaction) until it commits: a busy SQLite lock is waited out for as long as
 * busy_timeout would, without counting as an attempt; a lost race (StaleWrite, or an error `isConflict` names)
 * is run again after a short random pause, up to `attempts` runs in all. The drivers (sqlite-driver.ts,
 * postgres-driver.ts) run every write program through it.
 */
export async function withRetries<T>(run: () => T | Promise<T>, isConflict: (e: unknown) => boolean, attempts: number): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (isSqliteBusy(e) && Date.now() - started < SQLITE_BUSY_WAIT_MS) {
        await pause(1 + Math.random() * Math.min(20, attempt));
        attempt--;
        continue;
      }
      if (attempt >= attempts || !(e instanceof StaleWrite || isConflict(e))) throw e;
      await pause(Math.random() * 5 * attempt);
    }
  }
}
