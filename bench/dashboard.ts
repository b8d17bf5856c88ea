// npm run bench:dashboard: the operator dashboard with 10,000 organizations on SQLite. Seeds them through the host
// API (as a host would), signs an operator in, and times the dashboard's first page, a search by name, a search by
// externalId and a page deep in the list, each over --runs requests against the built app. Exits non-zero when a
// median reaches --limit-ms (300). Stand-alone, so `npm run bench` can fold it in.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { freshSqliteUrl, startApp } from '../tests/setup/app-server';
import { createOperator, signIn } from '../tests/http/dashboard-client';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '20' },
    'limit-ms': { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '8' },
  },
});
const ORGS = Number(values.orgs);
const RUNS = Number(values.runs);
const LIMIT = Number(values['limit-ms']);

async function seed(baseUrl: string, apiKey: string): Promise<void> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < ORGS; i = next++) {
      const res = await fetch(`${baseUrl}/api/v1/organizations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Customer ${String(i).padStart(5, '0')} ${i % 7 === 0 ? 'Holdings' : 'Labs'}`, externalId: `cust-${i}` }),
      });
      if (res.status !== 201) throw new Error(`seeding organization ${i}: ${res.status} ${await res.text()}`);
      if ((i + 1) % 2000 === 0) console.log(`  seeded ${i + 1} organizations (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  };
  await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
}

async function time(url: string, cookie: string, expect: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' });
    const html = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 200 || !html.includes(expect)) throw new Error(`${url}: ${res.status}, "${expect}" not in the page`);
    if (i >= 2) out.push(ms); // two warm-up requests: the first render of a route compiles nothing, but fills caches
  }
  return out.sort((a, b) => a - b);
}

const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const { target, child } = await startApp('sqlite', freshSqliteUrl('bench-dashboard'));
try {
  console.log(`dashboard bench: ${ORGS.toLocaleString('en-US')} organizations on SQLite, ${RUNS} timed requests each (${target.baseUrl})`);
  await seed(target.baseUrl, target.apiKey);
  const email = 'bench-operator@example.com';
  const password = `Bench-${Math.random().toString(36).slice(2)}-dashboard`;
  createOperator(target.databaseUrl, email, password);
  const { result, cookie } = await signIn(target, email, password);
  if (result !== 'ok') throw new Error(`sign-in: ${result}`);
  const d = `${target.baseUrl}/dashboard`;
  const last = Math.ceil(ORGS / 20);
  const cases: [string, string, string][] = [
    ['first page (newest first)', d, `Customer ${String(ORGS - 1).padStart(5, '0')}`],
    ['search by name ("holdings")', `${d}?q=holdings`, 'Holdings'],
    ['search by externalId', `${d}?q=cust-4242`, 'Customer 04242'],
    [
      `page ${Math.floor(last / 2)} of ${last}`,
      `${d}?page=${Math.floor(last / 2)}`,
      `Customer ${String(ORGS - 1 - (Math.floor(last / 2) - 1) * 20).padStart(5, '0')}`,
    ],
    [`last page (${last})`, `${d}?page=${last}`, 'Customer 00000'],
  ];
  let failed = false;
  console.log('\n| request | median ms | p90 ms | max ms |\n|---|---|---|---|');
  for (const [name, url, expect] of cases) {
    const xs = await time(url, cookie, expect);
    const median = q(xs, 0.5);
    if (median >= LIMIT) failed = true;
    console.log(`| ${name} | ${median.toFixed(1)} | ${q(xs, 0.9).toFixed(1)} | ${xs[xs.length - 1].toFixed(1)} |`);
  }
  console.log(failed ? `\nFAIL: a median reached ${LIMIT} ms` : `\nall medians under ${LIMIT} ms`);
  process.exitCode = failed ? 1 : 0;
} finally {
  child.kill('SIGTERM');
}
