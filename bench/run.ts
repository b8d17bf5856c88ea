// npm run bench: the portal's SCIM throughput, latency and memory at two directory sizes, on SQLite and on
// PostgreSQL, side by side with the Jackson peer (taking turns in short slices), against the routes that do
// nothing, with the performance targets checked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBenchArgs, USAGE, type BenchOptions } from './lib/args';
import { checkTargets, type Check } from './lib/checks';
import { cleanupAll, exitOnSignals } from './lib/cleanup';
import { compareWithPeer, type Comparison } from './lib/compare';
import { checkLines, comparisonTable, importTable, memoryTable, portalTable, summaryLine } from './lib/report';
import { measureSideBySide, type Measured } from './lib/side-by-side';

const log = (line: string) => console.log(line);

interface Results {
  opts: BenchOptions;
  startedAt: Date;
  loadAtStart: number[];
  measured: Measured;
  comparisons: Comparison[];
  checks: Check[];
  summary: string;
  errors: string[];
}

function writeJson(file: string, r: Results): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { target, ...options } = r.opts;
  const { rows, ...measured } = r.measured;
  const json = {
    startedAt: r.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { ...options, target: target ? target.endpoint : null },
    machine: { loadAverageAtStart: r.loadAtStart, loadAverageAtEnd: os.loadavg(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', node: process.version, platform: process.platform },
    ...measured,
    rows: rows.map(({ m, ...row }) => ({ ...row, ...m })),
    comparisons: r.comparisons,
    checks: r.checks,
    summary: r.summary,
    errors: r.errors,
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

function printReport(r: Results, seconds: number): void {
  const { opts, measured } = r;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\nscim-portal benchmark: ${opts.connections} connections, ${opts.duration} s per workload and server, ${os.cpus().length} CPUs ` +
      `(shared with the load generator and every server), node ${process.version}, load average ${load(r.loadAtStart)} at start, ` +
      `${load(os.loadavg())} at end, app rate limits ${opts.keepRateLimits ? 'at their defaults' : 'raised out of reach'}`,
  );
  for (const db of opts.dbs) {
    if (measured.rows.some((row) => row.server === 'portal' && row.db === db)) console.log(`\n## portal on ${db}\n\n${portalTable(measured.rows, db)}`);
  }
  for (const db of opts.dbs) {
    const mine = r.comparisons.filter((c) => c.db === db);
    if (mine.length && measured.peerName) console.log(`\n## side by side: portal on ${db} vs ${measured.peerName}\n\n${comparisonTable(mine, measured.peerName)}`);
  }
  if (measured.imports.length) console.log(`\n## imports through SCIM (10 requests at a time)\n\n${importTable(measured.imports)}`);
  if (measured.memory.length) console.log(`\n## memory (RSS of each server and its child processes, sampled every 250 ms under load)\n\n${memoryTable(measured.memory)}`);
  if (r.checks.length) console.log(`\n## portal checks\n\n${checkLines(r.checks)}`);
  console.log(`\n${r.summary}`);
  const rel = path.relative(process.cwd(), opts.out);
  console.log(`results: ${rel.startsWith('..') ? opts.out : rel}; run time ${(seconds / 60).toFixed(1)} min`);
}

async function main(): Promise<number> {
  const parsed = parseBenchArgs(process.argv.slice(2), path.join(import.meta.dirname, 'results/latest.json'));
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const opts = parsed;
  exitOnSignals();
  const started = performance.now();
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const runTag = startedAt.getTime().toString(36);
  const measured: Measured = { rows: [], imports: [], memory: [], seeding: [], peerName: null };
  const errors: string[] = [];
  try {
    await measureSideBySide(opts, runTag, log, measured);
  } catch (e) {
    errors.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    console.error(`\nbench failed: ${errors[errors.length - 1]}`);
  } finally {
    await cleanupAll();
  }

  const sizes = [...new Set([opts.usersSmall, opts.usersLarge])];
  const checks = opts.dbs.flatMap((db) => checkTargets(measured.rows, measured.imports, measured.memory, db, opts.usersSmall, opts.usersLarge));
  const comparisons = opts.dbs.flatMap((db) => compareWithPeer(measured.rows, measured.imports, db, sizes));
  const results: Results = { opts, startedAt, loadAtStart, measured, comparisons, checks, summary: summaryLine(comparisons, checks), errors };
  printReport(results, (performance.now() - started) / 1000);
  writeJson(opts.out, results);
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
