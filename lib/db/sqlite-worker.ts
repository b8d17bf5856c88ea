// A worker thread per SQLite database that runs the WAL checkpoints, so the event loop neither runs them nor stalls
// behind them. Every SQLite write appends its pages to the WAL; by default the connection that commits past 1,000
// WAL pages copies them back into the database file and fsyncs, synchronously, stalling every request behind it
// for tens of milliseconds. The app's connections raise that threshold out of the way (sqlitePragmas'
// wal_autocheckpoint: they still checkpoint themselves should this worker ever stop) and this worker checkpoints:
// PASSIVE ones, which block no one, and — since under steady writes a passive checkpoint never quite catches up, so
// the WAL would never start over — a RESTART once the WAL passes RESTART_FRAMES, which (only when no writer or old
// reader is in the way) copies the rest and lets the next writer start the WAL from the beginning. Writers arriving
// during that brief moment retry. When writes stop, a TRUNCATE gives the WAL's disk space back.
import { Worker } from 'node:worker_threads';

const EVERY_MS = 200;
/** 4,096 pages of 4 KiB: a 16 MiB WAL. */
const RESTART_FRAMES = 4096;

const CODE = `
const { workerData } = require('node:worker_threads');
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
`;

const running = new Set<string>();

/** Starts (once per database file per process) the checkpointing worker; it never keeps the process alive. */
export function startSqliteWorker(file: string): void {
  if (running.has(file)) return;
  const worker = new Worker(CODE, { eval: true, workerData: { file, everyMs: EVERY_MS, restartFrames: RESTART_FRAMES } });
  worker.on('error', (e) => {
    console.error(`sqlite worker stopped: ${e.message}`);
    running.delete(file);
  });
  worker.unref();
  running.add(file);
}
