// Reads that may scan (a list whose filter no index answers) run where they stall no one else: SQLite's scan worker,
// PostgreSQL's scan pool. This gate holds them to that place's size and keeps a bounded queue before it: a scan past
// the queue is refused at once (ScansBusy, a 503 with Retry-After), so memory and waiting stay bounded, and one that
// runs past the time limit is stopped (ScanTimedOut), freeing its place.

/** Seconds a refused scan is told to wait (Retry-After): a place frees as soon as one scan ends. */
export const SCAN_RETRY_AFTER_SEC = 1;

/** Every place is taken and the queue is full: try again shortly. */
export class ScansBusy extends Error {
  readonly retryAfterSec = SCAN_RETRY_AFTER_SEC;
  constructor() {
    super('too many searches under way; retry shortly');
    this.name = 'ScansBusy';
  }
}

/** The scan ran past SCAN_TIMEOUT_MS and was stopped: the query is too costly as asked. */
export class ScanTimedOut extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the search took longer than ${timeoutMs} ms and was stopped; narrow the filter`);
    this.name = 'ScanTimedOut';
  }
}

export type Gate = <T>(task: () => Promise<T>) => Promise<T>;

/** At most `slots` tasks at once, at most `queueLimit` waiting in order; the next one starts as one ends. */
export function scanGate(slots: number, queueLimit: number): Gate {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < slots) running++;
    else if (waiting.length >= queueLimit) throw new ScansBusy();
    else await new Promise<void>((start) => waiting.push(start));
    try {
      return await task();
    } finally {
      // The place passes straight to the next in the queue, so no new arrival overtakes it.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
