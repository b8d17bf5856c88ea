// Starts the built app (scripts/start.mjs: build if needed, migrate, seed, serve) on loopback against the database
// it is given, and creates a host API key through the CLI, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, assertLocal, cli, freePort } from '../../tests/setup/app-server';
import { onCleanup } from './cleanup';
import { sleep, stopChild } from './processes';

export interface RunningApp {
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

class AppExited extends Error {}

/**
 * Others may rebuild the shared `.next` folder while we start (their tests run `npm start` too, and a changed
 * checkout is rebuilt); a start that finds no build then exits, so it is tried again.
 */
export async function startApp(name: string, databaseUrl: string, env: Record<string, string>, log: (line: string) => void, attempts = 4): Promise<RunningApp> {
  for (let i = 1; ; i++) {
    try {
      return await startOnce(name, databaseUrl, env, log);
    } catch (e) {
      if (i >= attempts || !(e instanceof AppExited)) throw e;
      log(`[${name}] ${e.message.split('\n')[0]}; trying again in 20 s (${i}/${attempts - 1})`);
      await sleep(20_000);
    }
  }
}

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

async function startOnce(name: string, databaseUrl: string, extraEnv: Record<string, string>, log: (line: string) => void): Promise<RunningApp> {
  assertLocal(databaseUrl);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(os.tmpdir(), `scim-portal-bench-${name}-${port}.log`);
  const out = fs.openSync(logFile, 'w');
  // Named for what it is (its command line reads `scim-portal-bench-sqlite-full`): on a shared machine it can be told
  // apart from other sessions' apps, and a kill aimed at their `scripts/start.mjs` does not catch it.
  const child = spawn(process.execPath, [`--title=scim-portal-bench-${name}`, 'scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PUBLIC_URL: baseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', out, out],
    detached: true, // its own process group: stopping it also stops `next build`
  });
  fs.closeSync(out);
  let stopping = false;
  let unexpectedExit: string | null = null;
  // On a shared machine something else may stop it (a name-based kill): say so, or its absence reads as errors.
  child.once('exit', (code, signal) => {
    if (stopping) return;
    unexpectedExit = signal ?? `exit code ${code}`;
    log(`[${name}] app exited unexpectedly (${unexpectedExit}); see ${logFile}`);
  });
  const stop = async () => {
    stopping = true;
    await stopChild(child);
  };
  const unregister = onCleanup(`app (${name})`, stop);
  const tail = () => fs.readFileSync(logFile, 'utf8').slice(-3000);
  let apiKey: string;
  try {
    await waitReady(child, baseUrl, () => `app (${name}) exited (${child.signalCode ?? `exit code ${child.exitCode}`}); see ${logFile}:\n${tail()}`);
    apiKey =
      cli(databaseUrl, ['api-keys', 'create', '--name', `bench-${name}`])
        .trim()
        .split('\n')
        .pop() ?? '';
    if (!apiKey) throw new Error('the CLI printed no API key');
  } catch (e) {
    await stop();
    unregister();
    throw e;
  }
  return {
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
