// npm run bench:webhooks -- [--db sqlite|postgres|both] [--users 10000] [--connections 10] [--dead-endpoints 0]
// Import time against delivery time: the built app with one webhook endpoint (a loopback receiver answering 204)
// takes --users POST /Users (Okta's payload) over --connections connections into one directory, and the bench
// records when the last answer came and when the last webhook arrived. Goal (issue 17): delivered within 1.5x of
// the import's own time. --dead-endpoints adds endpoints on closed ports first (a write's cost must not grow with
// them: compare the import rate with 0 and 8). The receiver also checks that a directory never has two deliveries in flight at once and
// that none arrives twice.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { freshSqliteUrl } from '../tests/setup/app-server';
import { startApp } from './lib/app';
import { cleanupAll, exitOnSignals } from './lib/cleanup';
import { oktaCreateUser } from './lib/payloads';
import { startBenchPostgres } from './lib/pg-server';
import { hostApi, newOktaDirectory, scimCall } from './lib/scim-client';

type DbKind = 'sqlite' | 'postgres';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    users: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '10' },
    'dead-endpoints': { type: 'string', default: '0' },
  },
});
const dbs: DbKind[] = values.db === 'both' ? ['sqlite', 'postgres'] : [values.db as DbKind];
const users = Number(values.users);
const connections = Number(values.connections);
const deadEndpoints = Number(values['dead-endpoints']);

interface Receiver {
  url: string;
  count: () => number;
  lastAt: () => number;
  overlaps: () => number;
  duplicates: () => number;
  close: () => void;
}

async function receiver(): Promise<Receiver> {
  let count = 0;
  let lastAt = 0;
  let overlaps = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  const inFlight = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const e = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; directoryId: string | null };
      const lane = e.directoryId ?? '';
      if (inFlight.has(lane)) overlaps++;
      inFlight.add(lane);
      if (seen.has(e.id)) duplicates++;
      seen.add(e.id);
      count++;
      lastAt = performance.now();
      res.writeHead(204).end(() => inFlight.delete(lane));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    count: () => count,
    lastAt: () => lastAt,
    overlaps: () => overlaps,
    duplicates: () => duplicates,
    close: () => server.close(),
  };
}

async function run(db: DbKind): Promise<void> {
  const log = (line: string) => console.log(line);
  // PostgreSQL as production runs it (the bench's own durable server), SQLite at the app's default durability.
  const pg = db === 'postgres' ? await startBenchPostgres() : null;
  const databaseUrl = pg ? await pg.createDatabase('scim_portal_webhooks') : freshSqliteUrl('bench-webhooks');
  const app = await startApp(`webhooks-${db}`, databaseUrl, { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', RATE_LIMITS: 'off' }, log);
  const hook = await receiver();
  try {
    await hostApi(app, 'POST', '/webhook-endpoints', { url: hook.url, events: ['directory.user.created'] });
    for (let i = 0; i < deadEndpoints; i++) await hostApi(app, 'POST', '/webhook-endpoints', { url: `http://127.0.0.1:${1 + i}/closed` });
    const dir = await newOktaDirectory(app);
    const run = `${db}${Date.now().toString(36)}`;
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < users) {
          const n = next++;
          const r = await scimCall(dir, 'POST', '/Users', oktaCreateUser(`wh${n}.${run}@example.com`, n));
          if (r.status !== 201) failures++;
        }
      }),
    );
    const importMs = performance.now() - started;
    const deadline = performance.now() + Math.max(120_000, importMs * 10);
    while (hook.count() < users - failures && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const deliveredMs = hook.lastAt() - started;
    const ratio = deliveredMs / importMs;
    console.log(
      `[${db}] ${users} users, ${deadEndpoints} dead endpoints: import ${(importMs / 1000).toFixed(2)} s (${Math.round(users / (importMs / 1000))}/s, ${failures} non-201); ` +
        `${hook.count()} webhooks, the last at ${(deliveredMs / 1000).toFixed(2)} s (${Math.round(hook.count() / (deliveredMs / 1000))}/s): ` +
        `${ratio.toFixed(2)}x the import ${ratio <= 1.5 ? 'PASS' : 'FAIL'} (goal 1.5x); overlaps in a directory ${hook.overlaps()}, duplicates ${hook.duplicates()}`,
    );
  } finally {
    hook.close();
    await app.stop();
    await pg?.stop();
  }
}

exitOnSignals();
try {
  for (const db of dbs) await run(db);
} finally {
  await cleanupAll();
}
