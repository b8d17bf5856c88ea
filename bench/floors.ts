// What a request shape costs at the least on this machine: bare servers (bench/servers/floor-*.mjs) doing only what
// the shape must, loaded as the bench loads the portal (autocannon, 10 connections, alternating rounds), so a reader
// of the bench's tables can tell a shortfall the portal could close from one the machine sets.
//   npm run bench:floors
// PostgreSQL, on the bench's durable server (lib/pg-server.ts): a PUT as one transaction, the user's row read under
// a lock, then its UPDATE, an event and the COMMIT in one socket write (`tx`: the portal's two trips and nothing
// else), optimistically (`opt`: read without a lock, then one statement that writes only if the version is unchanged),
// and as one statement (`cte`). SQLite (synchronous=FULL, WAL): GET /Users/{id}, the token and the user in one
// statement, without and with a request-log row a request.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { cleanupAll, exitOnSignals, onCleanup } from './lib/cleanup';
import { startFloorServer, type Helper } from './lib/helpers';
import { startBenchPostgres } from './lib/pg-server';
import { cpuBetween, readCpu } from './lib/proc';
import { median } from './lib/stats';

const USERS = 1_000;
const ROUNDS = 3;
const SECONDS = 3;
const RAW = JSON.stringify({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName: 'user1@example.com',
  name: { givenName: 'Given1', familyName: 'Family1' },
  emails: [{ primary: true, value: 'user1@example.com', type: 'work' }],
  displayName: 'Given1 Family1',
  externalId: '00u1abcdefghijkl',
  active: true,
});

interface Floor {
  label: string;
  server: Helper;
  /** Server-side processes whose CPU counts: the server's and, on PostgreSQL, its backends. */
  pids: () => Promise<number[]>;
  request: (i: number) => { method: 'GET' | 'PUT'; path: string; body?: string; headers?: Record<string, string> };
}

async function round(f: Floor): Promise<{ rps: number; cpuUs: number }> {
  let n = 0;
  const before = await f.pids();
  const cpu0 = readCpu(before);
  const started = performance.now();
  const result = await autocannon({
    url: f.server.origin,
    connections: 10,
    duration: SECONDS,
    requests: [{ setupRequest: (req) => ({ ...req, ...f.request(n++) }) }],
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = readCpu([...new Set([...before, ...(await f.pids())])]);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${f.label}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const ok = result['2xx'];
  return { rps: ok / seconds, cpuUs: (cpuBetween(cpu0, cpu1) * 1000) / ok };
}

async function pgFloors(): Promise<Floor[]> {
  const server = await startBenchPostgres();
  onCleanup('floors postgres', () => server.stop());
  const url = await server.createDatabase('floors');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE TABLE u (id text PRIMARY KEY, raw text NOT NULL, version int NOT NULL, updated_at timestamptz NOT NULL)');
  await c.query(
    'CREATE TABLE ev (seq bigserial PRIMARY KEY, user_id text NOT NULL, type text NOT NULL, data text NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  await c.query(`INSERT INTO u SELECT 'u' || i, $1, 1, now() FROM generate_series(0, ${USERS - 1}) i`, [RAW]);
  await c.end();
  await server.vacuumAnalyze('floors');
  const put = (i: number) => ({
    method: 'PUT' as const,
    path: `/Users/u${i % USERS}`,
    headers: { 'content-type': 'application/scim+json' },
    body: JSON.stringify({ ...JSON.parse(RAW), name: { givenName: `Renamed${i}`, familyName: 'Family1' } }),
  });
  const floors: Floor[] = [];
  for (const shape of ['tx', 'opt', 'cte']) {
    const s = await startFloorServer('floor-put.mjs', { DB: url, SHAPE: shape });
    floors.push({
      label: `postgres PUT /Users/{id}, ${shape === 'tx' ? 'locked read, then UPDATE + event + COMMIT (2 trips)' : shape === 'opt' ? 'read, then one statement if the version is unchanged' : 'one statement'}`,
      server: s,
      pids: async () => [s.pid, ...(await server.backends('floors'))],
      request: put,
    });
  }
  return floors;
}

async function sqliteFloors(): Promise<Floor[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scim-portal-floors-'));
  onCleanup('floors sqlite', async () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'floor.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE tok (hash text PRIMARY KEY, directory_id text NOT NULL);
    CREATE TABLE u (id text PRIMARY KEY, directory_id text NOT NULL, raw text NOT NULL, version int NOT NULL, created_at text NOT NULL, updated_at text NOT NULL);
    CREATE TABLE log (id integer PRIMARY KEY, directory_id text, method text, path text, status int, at text);
    CREATE INDEX log_directory ON log (directory_id, at);`);
  const token = `scim_${crypto.randomBytes(24).toString('hex')}`;
  db.prepare('INSERT INTO tok VALUES (?, ?)').run(crypto.createHash('sha256').update(token).digest('hex'), 'd');
  const insert = db.prepare('INSERT INTO u VALUES (?, ?, ?, 1, ?, ?)');
  const now = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < USERS; i++) insert.run(`u${i}`, 'd', RAW, now, now);
  })();
  db.close();
  const get = (i: number) => ({ method: 'GET' as const, path: `/Users/u${i % USERS}`, headers: { authorization: `Bearer ${token}` } });
  const floors: Floor[] = [];
  for (const log of ['0', '1']) {
    const s = await startFloorServer('floor-get.mjs', { FILE: file, LOG: log, SYNC: 'FULL' });
    floors.push({
      label: `sqlite GET /Users/{id}, token and user in one statement${log === '1' ? ', a request-log row each' : ''}`,
      server: s,
      pids: async () => [s.pid],
      request: get,
    });
  }
  return floors;
}

async function main() {
  exitOnSignals();
  const floors = [...(await pgFloors()), ...(await sqliteFloors())];
  const runs = new Map<Floor, { rps: number; cpuUs: number }[]>(floors.map((f) => [f, []]));
  for (const f of floors) await round(f); // warm-up
  for (let r = 0; r < ROUNDS; r++) for (const f of floors) runs.get(f)?.push(await round(f));
  console.log(
    `floors: ${ROUNDS} alternating rounds of ${SECONDS} s, 10 connections, ${USERS} users; median (min-max) 2xx/s, CPU µs a request (server and database)`,
  );
  for (const f of floors) {
    const rs = runs.get(f) ?? [];
    const rps = rs.map((x) => x.rps);
    console.log(
      `  ${f.label}: ${Math.round(median(rps)).toLocaleString('en-US')} (${Math.round(Math.min(...rps)).toLocaleString('en-US')}-${Math.round(Math.max(...rps)).toLocaleString('en-US')}) 2xx/s, ${Math.round(median(rs.map((x) => x.cpuUs)))} µs CPU/req`,
    );
  }
  for (const f of floors) await f.server.stop();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
