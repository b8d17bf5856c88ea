// Transactions with retry: a write that loses a race (optimistic version check, PostgreSQL serialization or
// deadlock) is run again from the start on fresh data, so concurrent PATCHes never lose an update.
import type { Db, Tx } from './client';
import { isRetryableConflict } from './errors';

/** Thrown inside a transaction when the row changed since it was read; the whole transaction is retried. */
export class StaleWrite extends Error {
  constructor() {
    super('stale write');
  }
}

export async function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.$transaction(fn, { maxWait: 10_000, timeout: 30_000 });
    } catch (e) {
      if (i >= attempts || !(e instanceof StaleWrite || isRetryableConflict(e))) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * i));
    }
  }
}
