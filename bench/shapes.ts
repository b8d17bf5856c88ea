// Every SCIM request shape Okta and Entra send, measured on one or more built checkouts side by side:
// req/s (autocannon, 10 connections) and the app's CPU time per request (all its threads, from
// /proc/<pid>/task/*/schedstat around a fixed number of requests), runs interleaved app by app.
//
//   npx tsx bench/shapes.ts --root /tmp/before --root . --db sqlite --users 1000 --rounds 3
//   npx tsx bench/shapes.ts --root . --variant plain= --variant off=SOME_SETTING=off   # one checkout, two settings
//
// Each root must be built (`next build`, and what its `npm start` builds besides). Apps are started from their
// own scripts/serve.mjs on fresh databases, seeded through SCIM, and stopped at the end.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startApp, type ShapeApp } from './shapes/app';
import { SHAPES, type Shape } from './shapes/list';
import { seed } from './shapes/seed';
import { measure } from './shapes/measure';

const { values } = parseArgs({
  options: {
    root: { type: 'string', multiple: true },
    db: { type: 'string', default: 'sqlite' },
    users: { type: 'string', default: '1000' },
    'big-group': { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '3' },
    amount: { type: 'string', default: '3000' },
    only: { type: 'string' },
    /** `label[@root]=KEY=VALUE,KEY=VALUE`: an app of the (first) root with these settings; several make a comparison. */
    variant: { type: 'string', multiple: true },
    'pg-url': { type: 'string' },
  },
});

const roots = (values.root ?? ['.']).map((r) => path.resolve(r));
const db = values.db === 'postgres' ? 'postgres' : 'sqlite';
const rounds = Number(values.rounds);
const amount = Number(values.amount);
const only = values.only ? new RegExp(values.only) : null;

function pgServer(): { url: string; stop: () => void } {
  if (values['pg-url']) return { url: values['pg-url'], stop: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shapes-pg-'));
  const script = path.resolve('scripts/pg-temp.sh');
  const r = spawnSync('bash', [script, 'start', dir, '-c shared_buffers=256MB'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { url: r.stdout.trim(), stop: () => void spawnSync('bash', [script, 'stop', dir]) };
}

const pg = db === 'postgres' ? pgServer() : null;
const apps: ShapeApp[] = [];
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  pg?.stop();
});
process.on('SIGINT', () => process.exit(130));

const variants = (values.variant ?? []).map((v) => {
  const [name, ...settings] = v.split('=');
  const env = Object.fromEntries(
    settings
      .join('=')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  // `label@/other/checkout=…`: that checkout instead of the first root.
  const [label, root = roots[0]] = name.split('@');
  return { root: path.resolve(root), label, env };
});
const runs = variants.length ? variants : roots.map((root, i) => ({ root, label: `${i}:${path.basename(root)}`, env: {} }));
for (const { root, label, env } of runs) {
  const app = await startApp({ root, label, db, pgServerUrl: pg?.url ?? null, env });
  children.push(app.child);
  apps.push(app);
  console.log(`started ${app.label} on ${app.origin} (pid ${app.pid})`);
  await seed(app, { users: Number(values.users), bigGroup: Number(values['big-group']) });
  console.log(`seeded ${app.label}`);
}

const results: Record<string, Record<string, { rps: number[]; cpuUs: number[]; dbUs: number[]; non2xx: number }>> = {};
for (const shape of SHAPES as Shape[]) {
  if (only && !only.test(shape.name)) continue;
  const n = Math.max(50, Math.round(amount * (shape.scale ?? 1)));
  for (let round = 0; round < rounds; round++) {
    for (const app of apps) {
      const m = await measure(app, shape, n);
      const r = (results[shape.name] ??= {});
      const x = (r[app.label] ??= { rps: [], cpuUs: [], dbUs: [], non2xx: 0 });
      x.rps.push(m.rps);
      x.cpuUs.push(m.cpuUsPerRequest);
      x.dbUs.push(m.dbUsPerRequest);
      x.non2xx += m.non2xx;
    }
  }
  const line = apps
    .map((a) => {
      const x = results[shape.name][a.label];
      const med = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)];
      const db = a.dbName ? `, db ${Math.round(med(x.dbUs))} µs (${x.dbUs.map(Math.round).join('/')})` : '';
      return `${a.label}: ${Math.round(med(x.rps))} req/s (${x.rps.map(Math.round).join('/')}), ${Math.round(med(x.cpuUs))} µs CPU (${x.cpuUs.map(Math.round).join('/')})${db}${x.non2xx ? `, ${x.non2xx} non-2xx` : ''}`;
    })
    .join(' | ');
  console.log(`${shape.name.padEnd(34)} ${line}`);
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(`bench/results/shapes-${db}.json`, JSON.stringify(results, null, 1));
process.exit(0);
