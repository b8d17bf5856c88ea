// SQLite's scans (scan-gate.ts) run in a worker thread on a read-only connection of their own: better-sqlite3 runs
// a statement synchronously, so a filter that reads every user of a directory would hold the event loop, and every
// request of every tenant with it. WAL lets this connection read beside the app's writer. A program's statements
// are sent one step at a time and run inside one BEGIN … COMMIT, so they see one snapshot. A scan past the time limit
// is answered at once and its worker dropped; the thread ends only when its statement returns (nothing interrupts a
// running statement), and the next scan starts a new one only then: one scanning thread at most, however many time out.
import { sqlite } from './dialect';
import { driveAsync } from './program-runner';
import { ScanTimedOut } from './scan-gate';
import { isBatch, type SqlEnv, type SqlProgram } from './sql-program';
import { startSqliteThread, type SqliteThread } from './sqlite-thread';

const CODE = `
const { parentPort, workerData } = require('node:worker_threads');
// Resolved from the working directory (the project root): the same better-sqlite3 as the app's connections.
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
// This thread may wait: a WAL reset by the checkpointer holds readers off for a moment.
db.pragma('busy_timeout = 5000');
// As the app's connections: LIKE must not ignore case on case-exact columns (sqlite-settings.ts).
db.pragma('case_sensitive_like = ON');
const statements = new Map();
const prepared = (sql) => {
  let st = statements.get(sql);
  if (!st) statements.set(sql, (st = db.prepare(sql)));
  return st;
};
parentPort.on('message', (m) => {
  try {
    if (m.end) {
      if (db.inTransaction) db.exec('COMMIT');
      return;
    }
    if (m.begin) db.exec('BEGIN');
    const results = m.ops.map((op) => (op.mode === 'all' ? prepared(op.sql).all(...op.params) : prepared(op.sql).run(...op.params).changes));
    parentPort.postMessage({ id: m.id, result: results });
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    parentPort.postMessage({ id: m.id, error: { message: String(e && e.message), code: e && e.code } });
  }
});
`;

const ENV: SqlEnv = { dialect: sqlite };

/**
 * Runs a read program's statements in the scan worker of `file`, one program at a time (the caller's gate holds them
 * to one), stopped after `timeoutMs`.
 */
export function sqliteScanner(file: string, timeoutMs: () => number): { scan: <T>(make: (env: SqlEnv) => SqlProgram<T>) => Promise<T>; close: () => void } {
  let thread: SqliteThread | null = null;
  /** The end of the last thread stopped past its time limit, which the next scan waits for. */
  let stopping: Promise<void> = Promise.resolve();
  const current = () => {
    if (thread) return thread;
    const t = startSqliteThread(CODE, { file }, 'scan', () => {
      if (thread === t) thread = null;
    });
    // An idle scan thread never keeps the process alive.
    t.unref();
    return (thread = t);
  };
  const scan = async <T>(make: (env: SqlEnv) => SqlProgram<T>): Promise<T> => {
    await stopping;
    const t = current();
    const limit = timeoutMs();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        stopping = t.stop().catch(() => {});
        reject(new ScanTimedOut(limit));
      }, limit);
    });
    let begun = false;
    const run = driveAsync(make(ENV), async (step) => {
      const results = await t.send<unknown[]>(isBatch(step) ? step.batch : [step], { begin: !begun });
      begun = true;
      return isBatch(step) ? results : results[0];
    });
    run.catch(() => {}); // a program stopped by the timer fails later, unheard
    try {
      return await Promise.race([run, expired]);
    } finally {
      clearTimeout(timer);
      if (begun) t.post({ end: true });
    }
  };
  return { scan, close: () => void thread?.stop() };
}
