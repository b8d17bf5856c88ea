// Starts the built app (scripts/start.mjs: build if needed, migrate, seed, serve) on a free port for tests,
// against a fresh SQLite file or a fresh PostgreSQL database, and creates a host API key through the CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface AppTarget {
  /** The database, and how SCIM reaches the route handler when not straight from node:http (`sqlite, Next router`). */
  name: string;
  baseUrl: string;
  databaseUrl: string;
  apiKey: string;
  pid: number;
}

/** Where app logs go; scripts/test.sh sets TEST_LOG_DIR and scans it for secrets after the suite. */
export function logDir(): string {
  const dir = process.env.TEST_LOG_DIR ?? path.join(os.tmpdir(), 'scim-portal-test-logs');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Records a secret the tests used, so the log scan can look for it verbatim. */
export function recordSecret(secret: string): void {
  if (secret) fs.appendFileSync(path.join(logDir(), 'secrets-used.txt'), `${secret}\n`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Refuses anything but a local database: tests drop and create databases. */
export function assertLocal(url: string): void {
  if (url.startsWith('file:')) return;
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`refusing to test against non-local ${host}`);
}

export async function freshPostgresDatabase(serverUrl: string, name: string): Promise<string> {
  assertLocal(serverUrl);
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const sqliteDirs = new Set<string>();

/** A new SQLite database in a folder of its own, removed when this process exits (after the app it served stops). */
export function freshSqliteUrl(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `scim-portal-${label}-`));
  if (!sqliteDirs.size) process.once('exit', () => sqliteDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  sqliteDirs.add(dir);
  return `file:${path.join(dir, 'portal.db')}`;
}

export function cli(databaseUrl: string, args: string[]): string {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['lib/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export async function startApp(
  name: 'sqlite' | 'postgres',
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ target: AppTarget; child: ChildProcess }> {
  assertLocal(databaseUrl);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(logDir(), `app-${name}-${port}.log`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    // Rate limits are tested in tests/int/rate-limit; load from the suite itself must not trip them.
    env: {
      ...process.env,
      RATE_LIMITS: 'off',
      ...extraEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: baseUrl,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', out, out],
    detached: false,
  });
  const deadline = Date.now() + 280_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app (${name}) exited ${child.exitCode}; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      const r = await fetch(`${baseUrl}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`app (${name}) not ready; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const key =
    cli(databaseUrl, ['api-keys', 'create', '--name', `tests-${name}`])
      .trim()
      .split('\n')
      .pop() ?? '';
  recordSecret(key);
  return { target: { name, baseUrl, databaseUrl, apiKey: key, pid: child.pid ?? 0 }, child };
}
