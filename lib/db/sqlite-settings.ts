// Where the SQLite database lives and how every connection to it is set up (the app's, the background worker's).
import path from 'node:path';
import { env } from '../env';

/** `file:./data/portal.db` → an absolute path, relative paths taken from the working directory. */
export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, '').replace(/\?.*$/, '');
  return path.isAbsolute(p) ? p : path.resolve(process.cwd(), p);
}

/** wal_autocheckpoint of the app's connections: never reached while the background worker checkpoints. */
const SAFETY_NET_PAGES = 20_000;

/**
 * The settings of every connection that writes, each of which sets its own busy_timeout besides. foreign_keys makes
 * cascades work; LIKE (co / sw / ew filters) must not ignore case on case-exact columns such as externalId;
 * checkpoints are the worker's, not the commits' (sqlite-worker.ts); synchronous is NORMAL unless
 * SQLITE_SYNCHRONOUS=FULL (NORMAL in WAL mode loses at most the last commits on power loss, never consistency).
 */
export function sqlitePragmas(): string[] {
  return ['foreign_keys = ON', `synchronous = ${env().sqliteSynchronous}`, 'case_sensitive_like = ON', `wal_autocheckpoint = ${SAFETY_NET_PAGES}`];
}
