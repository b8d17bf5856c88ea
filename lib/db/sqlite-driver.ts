// SQLite: one better-sqlite3 connection for the app's reads and writes. A write program runs
// synchronously inside BEGIN IMMEDIATE … COMMIT, so no await can let another request in while it holds the write
// lock; the programs issued in one turn of the event loop share that transaction and its COMMIT
// (sqlite-group-commit.ts). A read program runs in a deferred transaction (one snapshot, and one lock and WAL check
// for all its statements instead of one each). A scan runs in a worker thread instead (sqlite-scan-worker.ts), and so
// does a session's index build (sqlite-session-worker.ts).
import Database from 'better-sqlite3';
import { sqlite } from './dialect';
import type { Database as Db } from './database';
import { env } from '../env';
import { drive } from './program-runner';
import { scanGate } from './scan-gate';
import { groupCommit } from './sqlite-group-commit';
import type { SqlEnv, SqlOp, SqlProgram } from './sql-program';
import { sqliteScanner } from './sqlite-scan-worker';
import { sqliteSession } from './sqlite-session-worker';
import { sqliteFilePath, sqlitePragmas } from './sqlite-settings';
import { startSqliteWorker } from './sqlite-worker';
import { withRetries, WRITE_ATTEMPTS } from './transaction';

const ENV: SqlEnv = { dialect: sqlite };

export function openSqlite(url: string): Db {
  const file = sqliteFilePath(url);
  const db = new Database(file, { fileMustExist: true });
  // Never wait inside SQLite (that would stall the event loop): a busy BEGIN is retried after a short async pause
  // (withRetries), while another process, or Prisma's connection until it is gone, holds the write lock.
  db.pragma('busy_timeout = 0');
  for (const p of sqlitePragmas()) db.pragma(p);
  startSqliteWorker(file);
  const statements = new Map<string, Database.Statement>();
  const prepared = (text: string) => {
    let st = statements.get(text);
    if (!st) statements.set(text, (st = db.prepare(text)));
    return st;
  };
  const exec = (op: SqlOp) => {
    const st = prepared(op.sql);
    const params = op.params.map(sqlite.param);
    return op.mode === 'all' ? st.all(...params) : st.run(...params).changes;
  };
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const commitGrouped = groupCommit(db);
  const inTransaction = <T>(start: Database.Statement, make: (env: SqlEnv) => SqlProgram<T>): T => {
    start.run();
    try {
      const out = drive(make(ENV), exec);
      commit.run();
      return out;
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  };
  const read = <T>(make: (env: SqlEnv) => SqlProgram<T>) =>
    withRetries(
      () => inTransaction(begin, make),
      () => false,
      WRITE_ATTEMPTS,
    );
  const write = <T>(make: (env: SqlEnv) => SqlProgram<T>) => commitGrouped(() => drive(make(ENV), exec)) as Promise<T>;
  // One scan at a time: a second thread would only share the same two cores with the event loop.
  const gate = scanGate(1, env().scanQueueLimit);
  const scanner = sqliteScanner(file, () => env().scanTimeoutMs);
  return {
    dialect: sqlite,
    scan: (make) => gate(() => scanner.scan(make)),
    write,
    session: (fn) => sqliteSession(file, sqlitePragmas(), fn),
    read,
    // Writes commit one at a time (another process's too, under the write lock) and never interleave with this
    // connection's reads: what a read sees is settled, and it takes no place in the group commit.
    readAfterWriters: read,
    // A read can meet SQLITE_BUSY too while the worker resets the WAL: waited out like a write's.
    lookup: (text, params) =>
      withRetries(
        () => prepared(text).all(...params.map(sqlite.param)) as Record<string, unknown>[],
        () => false,
        WRITE_ATTEMPTS,
      ),
    close: async () => {
      scanner.close();
      db.close();
    },
  };
}
