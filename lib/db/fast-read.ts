// The SCIM hot path's reads (token check, GET /Users/{id}, a user's groups, `userName eq` lookups) in plain SQL
// with prepared statements, outside any transaction. Prisma's per-query overhead (query compilation, statement
// preparation) costs several times the query itself; these run on a connection of their own — a read-only SQLite
// handle in WAL mode sees every committed write — or on a pipelining PostgreSQL connection (pg-js.ts) with
// prepared statements.
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openPgJs, pgJsParams, pgPlaceholders } from './pg-js';
import { PgReadBatcher, type BatchableRead } from './pg-read-batch';
import { env, isPostgresUrl } from '../env';
import { NativeDate } from '../native-date';
import { localWrites } from './local-writes';
import { sqliteFilePath } from './sqlite-path';

type Row = Record<string, unknown>;

interface Reader {
  url: string;
  all(sql: string, params: unknown[]): Promise<Row[]>;
  /** One lookup of a kind many requests make: on PostgreSQL, sent with the others of this turn (pg-read-batch.ts). */
  batched(read: BatchableRead, keys: string[]): Promise<Row[]>;
  /** Ends a snapshot shared by this turn's reads (SQLite). */
  endTurn?(): void;
}

const g = globalThis as unknown as { __scimPortalFastReader?: Reader; __scimPortalReadTurn?: { sharing: boolean } };
/** Process-wide, like the reader: set while the event loop handles a batch of incoming requests. */
const turn = (g.__scimPortalReadTurn ??= { sharing: false });

/**
 * Reads on SQLite share one read transaction (one snapshot) within a turn of the event loop that handles incoming
 * requests, instead of each beginning and ending its own: a statement on its own takes and drops a lock on the
 * database file and checks the WAL (three system calls), which cost more than the lookup itself (8 µs against
 * under 2 µs for an indexed row here). It is as fresh as a read of its own would be:
 * - it begins after the turn's requests arrived (the turn is opened by the first request the HTTP server hands
 *   over, after the event loop's wait for I/O), so whatever a client saw committed before sending one of them is
 *   in it, whichever process committed it;
 * - it ends at the end of the turn (setImmediate runs right after the I/O callbacks), before the loop waits again,
 *   and should the loop have waited for I/O since it began all the same, the next read starts a new one;
 * - it starts over whenever this process has written since it began (local-writes.ts): a request reads its own
 *   writes, and those of every request answered before it.
 * Reads outside such a turn (timers, retries) run on their own.
 */
export function shareReadSnapshotThisTurn(): void {
  if (turn.sharing) return;
  turn.sharing = true;
  setImmediate(() => {
    turn.sharing = false;
    g.__scimPortalFastReader?.endTurn?.();
  });
}

function sqliteReader(url: string): Reader {
  const db = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const statements = new Map<string, Database.Statement>();
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  /** localWrites.count and the event loop's idle time (waiting for I/O) when the open snapshot began. */
  let snapshotAt = 0;
  let idleAt = 0;
  const endTurn = () => {
    if (db.inTransaction) commit.run();
  };
  const self: Reader = {
    url,
    endTurn,
    batched: (read, keys) => self.all(read.one, keys),
    async all(sql, params) {
      let st = statements.get(sql);
      if (!st) statements.set(sql, (st = db.prepare(sql)));
      if (turn.sharing) {
        // None open (or a failed statement ended it), or one this process has written since, or the loop waited.
        const idle = performance.eventLoopUtilization().idle;
        if (!db.inTransaction || snapshotAt !== localWrites.count || idle !== idleAt) {
          endTurn();
          begin.run();
          snapshotAt = localWrites.count;
          idleAt = idle;
        }
      } else if (db.inTransaction) endTurn();
      return st.all(...params) as Row[];
    },
  };
  return self;
}

function postgresReader(url: string): Reader {
  // One connection by default: every read here is an index lookup answered from memory, pipelining keeps the one
  // connection busy, and each extra connection means another socket write per event-loop turn and another server
  // process to wake (GET /Users/{id} on 2 cores: ~4,500 req/s on one, ~3,900 on two, ~3,700 on three). A database
  // that reads from disk gains from a few more (FAST_READ_POOL_SIZE).
  //
  // Every statement here is a lookup by key, so the planner is told to use the index it names even where a table
  // is so small that reading it whole looks as cheap (a directory's groups, each probed by primary key for a
  // user's `groups`: a seq scan of 100 groups for each membership cost ~10 µs more a GET than a probe).
  const sql = openPgJs(url, Number(process.env.FAST_READ_POOL_SIZE ?? 1), { enable_seqscan: 'off' });
  const batcher = new PgReadBatcher(sql);
  return {
    url,
    batched: (read, keys) => batcher.read(read, keys),
    async all(text, params) {
      return (await sql.unsafe(pgPlaceholders(text), pgJsParams(params), { prepare: true })) as unknown as Row[];
    },
  };
}

function reader(): Reader {
  const url = env().databaseUrl;
  if (!g.__scimPortalFastReader || g.__scimPortalFastReader.url !== url) {
    g.__scimPortalFastReader = isPostgresUrl(url) ? postgresReader(url) : sqliteReader(url);
  }
  return g.__scimPortalFastReader;
}

export function fastDialect(): 'sqlite' | 'postgres' {
  return isPostgresUrl(env().databaseUrl) ? 'postgres' : 'sqlite';
}

export function fastAll(sql: string, params: unknown[]): Promise<Row[]> {
  return reader().all(sql, params);
}

/** The rows of one lookup `read` makes by `keys`; on PostgreSQL, in one query with this turn's other such lookups. */
export function fastBatched(read: BatchableRead, keys: string[]): Promise<Row[]> {
  return reader().batched(read, keys);
}

/** SQLite gives ISO strings and 0/1; PostgreSQL gives Dates and booleans. */
export const asDate = (v: unknown): Date => (v instanceof Date ? v : new NativeDate(String(v)));
export const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
export const asBool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
export const asInt = (v: unknown): number => Number(v);
export const asStr = (v: unknown): string => String(v);
export const asStrOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
