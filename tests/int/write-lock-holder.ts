// Another connection holding SQLite's write lock, as the WAL checkpointer's RESTART or another process does.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** Another thread takes the write lock, says so, and keeps it for `ms` (terminating the thread lets it go sooner). */
export async function holdWriteLock(file: string, ms: number): Promise<Worker> {
  const w = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const Database = require('better-sqlite3');
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('held');
     setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, workerData.ms);`,
    { eval: true, workerData: { file, ms } },
  );
  await once(w, 'message');
  return w;
}
