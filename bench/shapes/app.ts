// One built checkout served on a fresh database: migrated, seeded, an API key, an organization and an Okta
// directory made through its own CLI and host API.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ShapeApp {
  label: string;
  origin: string;
  /** The SCIM base path of the directory, e.g. /scim/v2/dir_x */
  base: string;
  token: string;
  pid: number;
  child: ChildProcess;
  /** The PostgreSQL database's name (its backends' CPU is counted too), or null on SQLite. */
  dbName: string | null;
  /** Filled by the seeder. */
  data: SeededData;
}

interface SeededData {
  userIds: string[];
  userNames: string[];
  externalIds: string[];
  groupIds: string[];
  groupNames: string[];
  smallGroupId: string;
  bigGroupId: string;
  /** Users free to be added to and removed from the small group. */
  spareUserIds: string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function freshDatabase(db: 'sqlite' | 'postgres', pgServerUrl: string | null, name: string): Promise<string> {
  if (db === 'sqlite') return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shapes-')), 'portal.db')}`;
  const c = new pg.Client({ connectionString: pgServerUrl! });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(pgServerUrl!);
  u.pathname = `/${name}`;
  return u.toString();
}

function tsx(root: string, args: string[], env: Record<string, string>): string {
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsx'), args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} in ${root}: ${r.stderr}`);
  return r.stdout;
}

async function json(origin: string, p: string, key: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(origin + p, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function startApp(o: {
  root: string;
  label: string;
  db: 'sqlite' | 'postgres';
  pgServerUrl: string | null;
  /** Settings of this app besides the ones every app gets. */
  env?: Record<string, string>;
  /** Options for the server's node (`--cpu-prof` to profile it). */
  nodeArgs?: string[];
}): Promise<ShapeApp> {
  const dbName = `shapes_${o.label.replace(/\W/g, '_')}`.toLowerCase();
  const databaseUrl = await freshDatabase(o.db, o.pgServerUrl, dbName);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: origin,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    RATE_LIMITS: 'off',
    WEBHOOK_WORKER: 'off',
    ...o.env,
  };
  tsx(o.root, ['lib/db/migrate-cli.ts'], env);
  tsx(o.root, ['lib/db/seed-cli.ts'], env);
  const log = fs.openSync(path.join(os.tmpdir(), `shapes-${o.label.replace(/\W/g, '_')}.log`), 'w');
  const code = `const { serve } = await import(${JSON.stringify(path.join(o.root, 'scripts/serve.mjs'))}); await serve({ root: ${JSON.stringify(o.root)}, port: ${port}, hostname: '127.0.0.1' });`;
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), '--input-type=module', '-e', code], {
    cwd: o.root,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', log, log],
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${o.label} exited ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 600) throw new Error(`${o.label} not ready`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const key = tsx(o.root, ['lib/cli/main.ts', 'api-keys', 'create', '--name', 'shapes'], env).trim().split('\n').pop()!;
  const org = await json(origin, '/api/v1/organizations', key, { name: 'Shapes' });
  const dir = await json(origin, `/api/v1/organizations/${String(org.id)}/directories`, key, { provider: 'okta' });
  const scim = dir.scim as { endpoint: string; token: string };
  return {
    label: o.label,
    origin,
    base: new URL(scim.endpoint).pathname,
    token: scim.token,
    pid: child.pid!,
    child,
    dbName: o.db === 'postgres' ? dbName : null,
    data: { userIds: [], userNames: [], externalIds: [], groupIds: [], groupNames: [], smallGroupId: '', bigGroupId: '', spareUserIds: [] },
  };
}
