// npm run bench: the portal's SCIM throughput and latency at two directory sizes, against the route that does
// nothing, with the performance targets checked; optionally side by side with another SCIM server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, USAGE, type BenchOptions } from './lib/args';
import { checkTargets, type Check } from './lib/checks';
import { cleanupAll, exitOnSignals } from './lib/cleanup';
import { benchPeer } from './lib/peer-bench';
import type { Row } from './lib/phase';
import { benchPortal, type SeedRecord } from './lib/portal-bench';
import { checkLines, comparisonTable, portalTable } from './lib/report';

const log = (line: string) => console.log(line);

function writeJson(file: string, opts: BenchOptions, startedAt: Date, loadAtStart: number[], rows: Row[], seeding: SeedRecord[], checks: Check[], errors: string[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { target, ...rest } = opts;
  const json = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { ...rest, target: target ? target.endpoint : null },
    machine: { loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', node: process.version, platform: process.platform },
    seeding,
    rows: rows.map(({ m, ...r }) => ({ ...r, ...m })),
    checks,
    errors,
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2), path.join(import.meta.dirname, 'results/latest.json'));
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const opts = parsed;
  exitOnSignals();
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const runTag = startedAt.getTime().toString(36);
  const rows: Row[] = [];
  const seeding: SeedRecord[] = [];
  const errors: string[] = [];
  let peerName = '';
  try {
    for (const db of opts.dbs) {
      const r = await benchPortal(db, opts, runTag, log);
      rows.push(...r.rows);
      seeding.push(...r.seeding);
    }
    if (opts.peer || opts.target) {
      const p = await benchPeer(opts, runTag, log);
      rows.push(...p.rows);
      peerName = p.name;
    }
  } catch (e) {
    errors.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    console.error(`\nbench failed: ${errors[errors.length - 1]}`);
  } finally {
    await cleanupAll();
  }

  const checks = opts.dbs.flatMap((db) => checkTargets(rows, db, opts.usersSmall, opts.usersLarge));
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\nscim-portal benchmark: ${opts.connections} connections, ${opts.duration} s per workload, ${os.cpus().length} CPUs ` +
      `(shared with the load generator), node ${process.version}, load average ${load(loadAtStart)} at start, ${load(os.loadavg())} at end, ` +
      `app rate limits ${opts.keepRateLimits ? 'at their defaults' : 'raised out of reach'}`,
  );
  for (const db of opts.dbs) {
    if (!rows.some((r) => r.server === 'portal' && r.db === db)) continue;
    console.log(`\n## portal on ${db}\n\n${portalTable(rows, db)}`);
  }
  if (checks.length) console.log(`\n${checkLines(checks)}`);
  if (peerName && rows.some((r) => r.server === 'peer')) {
    for (const db of opts.dbs) console.log(`\n## side by side: portal on ${db} vs ${peerName}\n\n${comparisonTable(rows, db, peerName)}`);
  }
  writeJson(opts.out, opts, startedAt, loadAtStart, rows, seeding, checks, errors);
  const rel = path.relative(process.cwd(), opts.out);
  console.log(`\nresults: ${rel.startsWith('..') ? opts.out : rel}`);
  return errors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    await cleanupAll();
    process.exit(1);
  },
);
