// SQLite's sessions (Database.session: building and dropping a host field's index) run in a worker thread on a
// connection of their own. better-sqlite3 runs a statement synchronously: a CREATE INDEX over 100,000 users held the
// event loop 130-330 ms, and every request of every tenant with it. From this thread it holds only the write lock: the
// app's writes meet it as they meet the checkpointer's and retry (busy_timeout 0 on the app's connection), its reads
// go on (WAL). One thread per session; sessions are rare.
import { Worker } from 'node:worker_threads';
import type { SessionRun } from './database';
import { sqlite } from './dialect';
import type { SqlRow } from './sql-program';

const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
// Resolved from the working directory (the project root): the same better-sqlite3 as the app's connections.
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { fileMustExist: true });
// This thread may wait for the app's writes: nobody waits on it but the session.
db.pragma('busy_timeout = 10000');
for (const p of workerData.pragmas) db.pragma(p);
// A run's statements commit together: an index and its planner statistics appear to the app's connection at once.
const runAll = db.transaction((ops) => {
  let rows = [];
  for (const op of ops) {
    const st = db.prepare(op.sql);
    rows = op.mode === 'all' ? st.all(...op.params) : (st.run(...op.params), []);
  }
  return rows;
});
parentPort.on('message', (m) => {
  try {
    parentPort.postMessage({ id: m.id, rows: runAll.immediate(m.ops) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String(e && e.message), code: e && e.code } });
  }
});
`;

type Reply = { id: number; rows?: SqlRow[]; error?: { message: string; code?: string } };

/** Runs `fn` with a `run` whose statements a new worker thread runs as one transaction, one run at a time. */
export async function sqliteSession<T>(file: string, pragmas: string[], fn: (run: SessionRun) => Promise<T>): Promise<T> {
  const worker = new Worker(CODE, { eval: true, workerData: { file, pragmas } });
  let next = 0;
  const pending = new Map<number, { resolve: (rows: SqlRow[]) => void; reject: (e: unknown) => void }>();
  const fail = (e: unknown) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (r: Reply) => {
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (r.error) p?.reject(Object.assign(new Error(r.error.message), { code: r.error.code }));
    else p?.resolve(r.rows ?? []);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the SQLite session worker stopped')));
  try {
    return await fn(
      (...ops) =>
        new Promise((resolve, reject) => {
          const id = next++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, ops: ops.map((op) => ({ sql: op.sql, mode: op.mode, params: op.params.map(sqlite.param) })) });
        }),
    );
  } finally {
    await worker.terminate();
  }
}
