// Group commit on SQLite: the write programs issued while the event loop was busy (during the last commit's
// flush, most often) run one after another in one transaction, each under its own savepoint, and one COMMIT (one
// fsync at SQLITE_SYNCHRONOUS=FULL) makes them all durable before any of them is answered. A program that fails
// rolls back to its savepoint only; the others see each other's writes exactly as if each had committed alone.
import type Database from 'better-sqlite3';
import { isSqliteBusy, SQLITE_BUSY_WAIT_MS } from './errors';
import { StaleWrite, WRITE_ATTEMPTS } from './transaction';

/** One program's run inside the shared transaction: its result, or what it threw. */
export type Run = () => unknown;

interface Pending {
  run: Run;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  firstTry: number;
  attempts: number;
}

/** Programs per transaction at most: a long queue commits in several, so no one waits for all of it. */
const MAX_BATCH = 64;

export function groupCommit(db: Database.Database): (run: Run) => Promise<unknown> {
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const savepoint = db.prepare('SAVEPOINT program');
  const release = db.prepare('RELEASE program');
  const rollbackTo = db.prepare('ROLLBACK TO program');
  let queue: Pending[] = [];
  let scheduled: NodeJS.Immediate | NodeJS.Timeout | null = null;

  const schedule = (delayMs = 0) => {
    if (scheduled) return;
    scheduled = delayMs ? setTimeout(flush, delayMs) : setImmediate(flush);
  };

  /** Another connection (another process, the checkpointing worker) holds the write lock: wait it out, then give up. */
  function busy(batch: Pending[], e: unknown) {
    const now = Date.now();
    const waiting = batch.filter((p) => now - p.firstTry < SQLITE_BUSY_WAIT_MS);
    for (const p of batch) if (!waiting.includes(p)) p.reject(e);
    queue = [...waiting, ...queue];
    schedule(1 + Math.random() * 10);
  }

  function flush() {
    scheduled = null;
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    if (queue.length) schedule();
    if (batch.length === 0) return;
    try {
      begin.run();
    } catch (e) {
      if (isSqliteBusy(e)) return busy(batch, e);
      for (const p of batch) p.reject(e);
      return;
    }
    const settled: (() => void)[] = [];
    const again: Pending[] = [];
    try {
      for (const p of batch) {
        savepoint.run();
        try {
          const out = p.run();
          release.run();
          settled.push(() => p.resolve(out));
        } catch (e) {
          // Throws in turn when the error ended the transaction itself: then nothing of the batch stands (below).
          rollbackTo.run();
          release.run();
          // A row changed by another process since it was read: run again in the next transaction.
          if (e instanceof StaleWrite && ++p.attempts < WRITE_ATTEMPTS) again.push(p);
          else settled.push(() => p.reject(e));
        }
      }
      commit.run();
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (isSqliteBusy(e)) return busy(batch, e);
      for (const p of batch) p.reject(e);
      return;
    }
    for (const s of settled) s();
    if (again.length) {
      queue.push(...again);
      schedule();
    }
  }

  return (run) =>
    new Promise((resolve, reject) => {
      queue.push({ run, resolve, reject, firstTry: Date.now(), attempts: 0 });
      schedule();
    });
}
