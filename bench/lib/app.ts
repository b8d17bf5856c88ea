// Starts the built app (scripts/start.mjs: build if needed, migrate, seed, serve) on loopback, on a fresh SQLite
// file or a fresh database in a throwaway PostgreSQL (scripts/pg-temp.sh), as the http tests do.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, assertLocal, cli, freePort, freshPostgresDatabase, freshSqliteUrl } from '../../tests/setup/app-server';
import type { DbKind } from './args';
import { onCleanup } from './cleanup';
import { runScript, sleep, stopChild } from './processes';

export interface RunningApp {
  db: DbKind;
  baseUrl: string;
  databaseUrl: string;
  apiKey: string;
  logFile: string;
  /** The server's process (`node scripts/start.mjs` serves in-process once built). */
  pid: number;
  /** Why the app exited without being stopped (a signal or exit code), or null while it runs. */
  exitedUnexpectedly(): string | null;
  stop(): Promise<void>;
}

/** A first run builds the app (`next build`), which takes minutes on a small machine. */
const START_TIMEOUT_MS = 15 * 60_000;

interface Database {
  url: string;
  /** Drops the throwaway database (and its server). */
  stop(): Promise<void>;
}

const PG_BENCH_SETTINGS = '-c shared_buffers=1GB -c effective_cache_size=4GB';

async function databaseFor(db: DbKind): Promise<Database> {
  if (db === 'sqlite') {
    const url = freshSqliteUrl('bench');
    const dir = path.dirname(url.replace(/^file:/, ''));
    return { url, stop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scim-portal-bench-pg-'));
  const script = path.join(ROOT, 'scripts/pg-temp.sh');
  const stopPg = async () => {
    runScript('bash', [script, 'stop', dir], { cwd: ROOT, timeoutMs: 60_000 });
  };
  const unregister = onCleanup('postgres', stopPg);
  const stop = async () => {
    unregister();
    await stopPg();
  };
  try {
    // Sized as a production server would be (the stock 128 MB of shared buffers is a minimum, not a setting).
    const serverUrl = runScript('bash', [script, 'start', dir, PG_BENCH_SETTINGS], { cwd: ROOT, timeoutMs: 120_000 }).trim().split('\n').pop() ?? '';
    return { url: await freshPostgresDatabase(serverUrl, 'scim_portal_bench'), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Others may rebuild the shared `.next` folder while we start (their tests run `npm start` too, and a changed
 * checkout is rebuilt); a start that finds no build then exits, so it is tried again.
 */
export async function startPortal(db: DbKind, env: Record<string, string>, log: (line: string) => void, attempts = 4): Promise<RunningApp> {
  for (let i = 1; ; i++) {
    try {
      return await startOnce(db, env, log);
    } catch (e) {
      if (i >= attempts || !(e instanceof AppExited)) throw e;
      log(`[${db}] ${e.message.split('\n')[0]}; trying again in 20 s (${i}/${attempts - 1})`);
      await sleep(20_000);
    }
  }
}

class AppExited extends Error {}

async function waitReady(child: ChildProcess, baseUrl: string, exited: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new AppExited(exited());
    try {
      if ((await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`app not ready after ${START_TIMEOUT_MS / 1000} s at ${baseUrl}`);
    await sleep(500);
  }
}

async function startOnce(db: DbKind, extraEnv: Record<string, string>, log: (line: string) => void): Promise<RunningApp> {
  const database = await databaseFor(db);
  const databaseUrl = database.url;
  assertLocal(databaseUrl);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `scim-portal-bench-${db}-${port}.log`);
  const out = fs.openSync(logFile, 'w');
  // Named for what it is (its command line reads `scim-portal-bench-sqlite`): on a shared machine it can be told
  // apart from other sessions' apps, and a kill aimed at their `scripts/start.mjs` does not catch it.
  const child = spawn(process.execPath, [`--title=scim-portal-bench-${db}`, 'scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PUBLIC_URL: baseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', out, out],
    detached: true, // its own process group: stopping it also stops `next start` and `next build`
  });
  fs.closeSync(out);
  let stopping = false;
  let unexpectedExit: string | null = null;
  // On a shared machine something else may stop it (a name-based kill): say so, or its absence reads as errors.
  child.once('exit', (code, signal) => {
    if (stopping) return;
    unexpectedExit = signal ?? `exit code ${code}`;
    log(`[${db}] app exited unexpectedly (${unexpectedExit}); see ${logFile}`);
  });
  const stop = async () => {
    stopping = true;
    await stopChild(child);
    await database.stop();
  };
  const unregister = onCleanup(`app (${db})`, stop);
  const tail = () => fs.readFileSync(logFile, 'utf8').slice(-3000);
  let apiKey = '';
  try {
    await waitReady(child, baseUrl, () => `app (${db}) exited (${child.signalCode ?? `exit code ${child.exitCode}`}); see ${logFile}:\n${tail()}`);
    apiKey = cli(databaseUrl, ['api-keys', 'create', '--name', `bench-${db}`]).trim().split('\n').pop() ?? '';
    if (!apiKey) throw new Error('the CLI printed no API key');
  } catch (e) {
    await stop();
    unregister();
    throw e;
  }
  return {
    db,
    baseUrl,
    databaseUrl,
    apiKey,
    logFile,
    pid: child.pid ?? 0,
    exitedUnexpectedly: () => unexpectedExit,
    stop: async () => {
      await stop();
      unregister();
    },
  };
}
