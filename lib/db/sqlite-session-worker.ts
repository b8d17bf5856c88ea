// SQLite's sessions (Database.session: building and dropping a host field's index) run in a worker thread on a
// connection of their own. better-sqlite3 runs a statement synchronously: a CREATE INDEX over 100,000 users held the
// event loop 130-330 ms, and every request of every tenant with it. From this thread it holds only the write lock: the
// app's writes meet it as they meet the checkpointer's and retry (busy_timeout 0 on the app's connection), its reads
// go on (WAL). One thread per session; sessions are rare.
import type { SessionRun } from './database';
import type { SqlRow } from './sql-program';
import { startSqliteThread } from './sqlite-thread';

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
    parentPort.postMessage({ id: m.id, result: runAll.immediate(m.ops) });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String(e && e.message), code: e && e.code } });
  }
});
`;

/** Runs `fn` with a `run` whose statements a new worker thread runs as one transaction, one run at a time. */
export async function sqliteSession<T>(file: string, pragmas: string[], fn: (run: SessionRun) => Promise<T>): Promise<T> {
  const thread = startSqliteThread(CODE, { file, pragmas }, 'session');
  try {
    return await fn((...ops) => thread.send<SqlRow[]>(ops));
  } finally {
    await thread.stop();
  }
}
