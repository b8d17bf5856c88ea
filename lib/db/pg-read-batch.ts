// Lookups of one kind made by the requests of one event-loop turn, sent to PostgreSQL as one query over arrays of
// their keys instead of one query each. Under load a turn hands over several requests (4–5 under the benchmark's
// GET load); each query costs the server a bind, an executor start and a flush of its own, and the client a
// Bind/Execute/Sync to build, a socket write that wakes the server, and a reply to parse.
//
// Freshness is that of a query of its own: a lookup only waits (to the end of the turn's I/O callbacks) before it is
// sent, so its query starts after the lookup was asked for, and sees every commit its request could have seen.
import type { KeyedRead } from './database';
import type { PgJs } from './pg-js';
import { pgJsParams, pgPlaceholders } from './pg-js';

type Row = Record<string, unknown>;

/** The FROM item of a batched lookup: the keys as rows `k(<names…>, "n")`, n the lookup's position from 1. */
function keysFrom(names: string[]): string {
  const arrays = names.map((_, i) => `$${i + 1}::text[]`).join(', ');
  return `unnest(${arrays}) WITH ORDINALITY AS k(${names.map((n) => `"${n}"`).join(', ')}, "n")`;
}

/**
 * Written to the socket at once, not at postgres.js's own end of turn (a `setImmediate` queued from ours would run
 * a turn later, after whatever I/O is ready by then): the `flush` option scripts/patch-deps.mjs adds.
 */
export const SEND_NOW = { prepare: true, flush: true } as { prepare: boolean };

interface Waiter {
  keys: string[];
  resolve(rows: Row[]): void;
  reject(e: unknown): void;
}

export class PgReadBatcher {
  private pending = new Map<KeyedRead, Waiter[]>();
  private many = new Map<KeyedRead, string>();
  private scheduled = false;

  constructor(private readonly sql: PgJs) {}

  read(read: KeyedRead, keys: string[]): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      const waiters = this.pending.get(read);
      if (waiters) waiters.push({ keys, resolve, reject });
      else this.pending.set(read, [{ keys, resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: every request they handed over has asked for its lookups by then.
        setImmediate(() => this.send());
      }
    });
  }

  private send(): void {
    this.scheduled = false;
    const batches = this.pending;
    this.pending = new Map();
    for (const [read, waiters] of batches) {
      if (waiters.length === 1) this.alone(read, waiters[0]);
      else this.together(read, waiters);
    }
  }

  private alone(read: KeyedRead, w: Waiter): void {
    this.sql.unsafe(pgPlaceholders(read.one), pgJsParams(w.keys), SEND_NOW).then(
      (rows) => w.resolve(rows as unknown as Row[]),
      (e: unknown) => w.reject(e),
    );
  }

  private together(read: KeyedRead, waiters: Waiter[]): void {
    let text = this.many.get(read);
    if (text === undefined) this.many.set(read, (text = read.many(keysFrom(read.keys), `k."n"::int`)));
    const columns = read.keys.map((_, i) => waiters.map((w) => w.keys[i]));
    this.sql.unsafe(text, columns, SEND_NOW).then(
      (rows) => {
        const byLookup: Row[][] = waiters.map(() => []);
        for (const r of rows as unknown as Row[]) byLookup[Number(r.batchN) - 1]?.push(r);
        waiters.forEach((w, i) => w.resolve(byLookup[i]));
      },
      // One lookup's keys must not fail the others' requests: each is asked again alone, and fails alone.
      () => {
        for (const w of waiters) this.alone(read, w);
      },
    );
  }
}
