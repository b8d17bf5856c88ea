// A worker thread with a SQLite connection of its own (sqlite-scan-worker.ts, sqlite-session-worker.ts): statements
// go to it as messages with an id, and each answer, or the error it threw, comes back under that id.
import { Worker } from 'node:worker_threads';
import { sqlite } from './dialect';
import type { SqlOp } from './sql-program';

type Reply = { id: number; result?: unknown; error?: { message: string; code?: string } };

export interface SqliteThread {
  /** Sends statements (with `extra` fields for the thread's code) and resolves with what the thread answered. */
  send<R>(ops: SqlOp[], extra?: Record<string, unknown>): Promise<R>;
  /** Lets the process exit while the thread is idle. */
  unref(): void;
  /** A message that needs no answer. */
  post(message: Record<string, unknown>): void;
  /** Ends the thread; resolves when it has ended (a running statement first returns: nothing interrupts it). */
  stop(): Promise<void>;
}

/** Starts `code` (CommonJS, evaluated) with `workerData`; `onGone` runs once it fails, exits or is stopped. */
export function startSqliteThread(code: string, workerData: Record<string, unknown>, what: string, onGone: () => void = () => {}): SqliteThread {
  const worker = new Worker(code, { eval: true, workerData });
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: unknown) => void }>();
  let next = 0;
  const fail = (e: unknown) => {
    onGone();
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (r.error) p?.reject(Object.assign(new Error(r.error.message), { code: r.error.code }));
    else p?.resolve(r.result);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error(`the SQLite ${what} worker stopped`)));
  return {
    send: <R>(ops: SqlOp[], extra: Record<string, unknown> = {}) =>
      new Promise<R>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
        worker.postMessage({ ...extra, id, ops: ops.map((op) => ({ sql: op.sql, mode: op.mode, params: op.params.map(sqlite.param) })) });
      }),
    unref: () => worker.unref(),
    post: (message) => worker.postMessage(message),
    stop: async () => {
      onGone();
      await worker.terminate();
    },
  };
}
