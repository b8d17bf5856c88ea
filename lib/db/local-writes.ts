// A count of this process's own SQLite writes: the fast reader (fast-read.ts) shares one read snapshot among the
// requests of one event-loop turn, and starts a new one as soon as this moves, so a request always reads what this
// process has committed before it, its own writes included. It counts every statement of the Prisma connection
// (reads too: harmless, a new snapshot is all it costs) and every SQL program (sql-drivers.ts). Writes that no SCIM
// read looks at (the request log, "last used" stamps) run on a worker thread and are not counted.
import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

const g = globalThis as unknown as { __scimPortalLocalWrites?: { count: number } };
/** Process-wide: the custom server's fast path and Next's bundle each load this module. */
export const localWrites: { count: number } = (g.__scimPortalLocalWrites ??= { count: 0 });

export function noteLocalWrite(): void {
  localWrites.count++;
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

const COUNTED = new Set(['queryRaw', 'executeRaw', 'executeScript']);

/**
 * The adapter's methods, each noting a write once it has run (better-sqlite3 runs the statement before the call
 * returns; COMMIT is one of the statements). Methods are called on the target itself: the adapter keeps private
 * fields a proxy could not reach.
 */
function counting<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t) as unknown;
      if (typeof v !== 'function') return v;
      const name = String(prop);
      if (name === 'startTransaction') {
        return async (...args: unknown[]) => counting((await (v as (...a: unknown[]) => Promise<Transaction>).apply(t, args)) as Transaction);
      }
      if (!COUNTED.has(name)) return (v as (...a: unknown[]) => unknown).bind(t);
      return (...args: unknown[]) => {
        try {
          return (v as (...a: unknown[]) => unknown).apply(t, args);
        } finally {
          noteLocalWrite();
        }
      };
    },
  });
}

/** The Prisma adapter factory with every connection it opens counting its statements. */
export function countingLocalWrites(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return new Proxy(factory, {
    get(t, prop) {
      const v = Reflect.get(t, prop, t) as unknown;
      if (prop === 'connect' || prop === 'connectToShadowDb') {
        return async () => counting(await (v as () => Promise<Adapter>).apply(t));
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}
