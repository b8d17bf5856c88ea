// A worker thread per SQLite database for the work no request waits on, so the event loop neither runs it nor
// stalls behind it:
//
// - WAL checkpoints. Every SQLite write appends its pages to the WAL; by default the connection that commits past
//   1,000 WAL pages copies them back into the database file and fsyncs, synchronously, stalling every request
//   behind it for tens of milliseconds. The app's connections raise that threshold out of the way
//   (sqlitePragmas' wal_autocheckpoint: they still checkpoint themselves should this worker ever stop) and this worker checkpoints:
//   PASSIVE ones, which block no one, and — since under steady writes a passive checkpoint never quite catches up,
//   so the WAL would never start over — a RESTART once the WAL passes RESTART_FRAMES, which (only when no writer or
//   old reader is in the way) copies the rest and lets the next writer start the WAL from the beginning. Writers
//   arriving during that brief moment retry. When writes stop, a TRUNCATE gives the WAL's disk space back.
// - Background writes (`writeInBackground`): statements whose answers nobody reads, such as the request log's rows.
//   They run on the worker's own connection, each statement its own transaction (a short hold of the write lock;
//   the app's writers that meet it retry after a pause of a millisecond or two), and the worker may wait for the
//   lock: it holds up no request.
import { Worker } from 'node:worker_threads';
import { sqlitePragmas } from './sqlite-settings';

const EVERY_MS = 200;
/** 4,096 pages of 4 KiB: a 16 MiB WAL. */
const RESTART_FRAMES = 4096;

const CODE = `
const { workerData, parentPort } = require('node:worker_threads');
// Resolved from the working directory (the project root): the same better-sqlite3 as the app's connections.
const Database = require('better-sqlite3');
const db = new Database(workerData.file, { fileMustExist: true });
// Never wait for a lock: a RESTART or TRUNCATE that waited would hold off every writer, other processes'
// too (a CLI write timed out behind one); one that can't run at once is simply tried again next tick.
db.pragma('busy_timeout = 0');
let lastLog = -1;
setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (!r) return;
    if (r.log > workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
    // Quiet since the last tick and all copied back: give the WAL's disk space back.
    else if (r.log > 0 && r.log === r.checkpointed && r.log === lastLog) db.pragma('wal_checkpoint(TRUNCATE)');
    lastLog = r.log;
  } catch {}
}, workerData.everyMs);

let writer = null;
const statements = new Map();
function open() {
  const w = new Database(workerData.file, { fileMustExist: true });
  w.pragma('busy_timeout = 10000');
  for (const p of workerData.writerPragmas) w.pragma(p);
  return w;
}
parentPort.on('message', ({ id, statements: list }) => {
  let error = null;
  for (const [sql, params] of list) {
    try {
      writer ??= open();
      let st = statements.get(sql);
      if (!st) statements.set(sql, (st = writer.prepare(sql)));
      st.run(...params);
    } catch (e) {
      error ??= String(e && e.message || e);
    }
  }
  parentPort.postMessage({ id, error });
});
`;

type Param = string | number | bigint | null;
export type BackgroundStatement = [sql: string, params: Param[]];

interface Running {
  worker: Worker;
  pending: Map<number, { resolve: () => void; reject: (e: Error) => void }>;
  nextId: number;
}

const running = new Map<string, Running>();

/** Starts (once per database file per process) the background worker. */
export function startSqliteWorker(file: string): void {
  if (running.has(file)) return;
  const worker = new Worker(CODE, {
    eval: true,
    workerData: { file, everyMs: EVERY_MS, restartFrames: RESTART_FRAMES, writerPragmas: sqlitePragmas() },
  });
  const r: Running = { worker, pending: new Map(), nextId: 1 };
  worker.on('message', ({ id, error }: { id: number; error: string | null }) => {
    const p = r.pending.get(id);
    r.pending.delete(id);
    if (r.pending.size === 0) worker.unref();
    if (error === null) p?.resolve();
    else p?.reject(new Error(error));
  });
  worker.on('error', (e) => {
    console.error(`sqlite worker stopped: ${e.message}`);
    running.delete(file);
    for (const p of r.pending.values()) p.reject(e);
    r.pending.clear();
  });
  // Idle, it does not keep the process alive; with writes pending it does, so a flush on shutdown completes.
  // (After the listeners: adding a 'message' listener refs the worker again.)
  worker.unref();
  running.set(file, r);
}

/**
 * Runs the statements on the worker, in order, each as its own transaction; resolves once all have run, rejects
 * with the first error (the others still run). Null when no worker runs for this file (the caller writes itself).
 */
export function writeInBackground(file: string, list: BackgroundStatement[]): Promise<void> | null {
  const r = running.get(file);
  if (!r) return null;
  const id = r.nextId++;
  if (r.pending.size === 0) r.worker.ref();
  return new Promise<void>((resolve, reject) => {
    r.pending.set(id, { resolve, reject });
    r.worker.postMessage({ id, statements: list });
  });
}
