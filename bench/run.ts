// npm run bench: scim-portal against the Jackson peer at equal durability, every request shape Okta and Entra send,
// at two directory sizes: a table per database (PostgreSQL: both sides on one durable server; SQLite: the portal at
// NORMAL and FULL, the peer on its default file), with the settings, ceilings, rounds and PASS/FAIL per row.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseBenchArgs, USAGE, type BenchOptions } from './lib/args';
import { filterLine } from './lib/attribute-filters';
import { remapLine } from './lib/remap-workload';
import { checkPortal, type Check } from './lib/checks';
import { durabilityWarnings } from './lib/durability';
import { cleanupAll, exitOnSignals } from './lib/cleanup';
import { importLines, linesOf, type ImportLine, type Line } from './lib/compare';
import { measureAll, type Measured } from './lib/measure';
import { checkLines, renderTable, summaryLine, type TableInput } from './lib/report';
import type { Db } from './lib/servers';

const log = (line: string) => console.log(line);

const NEXT_CEILING =
  "a Next.js route's ceiling is not measured: SCIM requests never pass through Next's router (the app's own node:http server answers them, as it answers /healthz), so it bounds nothing here";

function importLabel(opts: BenchOptions): string {
  const i = opts.import;
  const c = (n: number) => n.toLocaleString('en-US');
  return i ? `${c(i.users)} users, ${c(i.groups)} groups, ${c(i.members)} memberships, 10 requests at a time` : '';
}

/** The settings lines of a table, with what this run learned about each server's flushes and webhooks. */
function settingsOf(m: Measured, db: Db): string[] {
  const flushes = m.flushes.filter((f) => f.server.db === db);
  const delivered = m.delivered.filter((d) => d.server.db === db);
  const lines = [...(m.started.settings[db] ?? [])];
  if (flushes.length) {
    const per = flushes.map((f) => `${f.server.name} ${f.perWrite === null ? 'not counted (strace missing or refused)' : f.perWrite.toFixed(1)}`);
    lines.push(`flushes (fsync and fdatasync, counted with strace) per POST /Users sent one at a time: ${per.join(', ')}`);
    lines.push(...durabilityWarnings(flushes));
  }
  for (const users of [...new Set(delivered.map((d) => d.users))]) {
    const per = delivered.filter((d) => d.users === users).map((d) => `${d.server.name} ${d.received.toLocaleString('en-US')}`);
    lines.push(`webhooks the receiver got from each server in the webhook pass at ${users.toLocaleString('en-US')} users: ${per.join(', ')}`);
  }
  return [...lines, NEXT_CEILING];
}

function tables(m: Measured, opts: BenchOptions, sizes: number[]): { inputs: TableInput[]; lines: Line[]; imports: ImportLine[] } {
  const inputs = opts.dbs.flatMap((db): TableInput[] => {
    const columns = m.started.columns[db] ?? [];
    if (columns.length === 0) return [];
    const ceilings = m.rows.filter((r) => r.kind === 'ceiling' && (r.server.db === 'any' || r.server.db === db));
    return [{ db, columns, settings: settingsOf(m, db), ceilings, lines: linesOf(m.rows, db, columns), imports: importLines(m.imports, db, columns, sizes) }];
  });
  return { inputs, lines: inputs.flatMap((t) => t.lines), imports: inputs.flatMap((t) => t.imports) };
}

function writeJson(file: string, json: object): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

/** The dashboard at scale (issue 20): its own script and app, run after the SCIM tables' servers are stopped. */
function runDashboardPhase(orgs: number): string | null {
  log(`\n## dashboard: ${orgs.toLocaleString('en-US')} organizations on SQLite`);
  const script = path.join(import.meta.dirname, 'dashboard.ts');
  const r = spawnSync(process.execPath, [...process.execArgv, script, '--orgs', String(orgs)], { stdio: 'inherit' });
  return r.status === 0 ? null : `dashboard phase: exit ${r.status ?? r.signal}`;
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
  const measured: Measured = {
    rows: [],
    imports: [],
    memory: [],
    seeding: [],
    flushes: [],
    delivered: [],
    attributes: { filters: [], remaps: [] },
    started: { servers: [], columns: {}, settings: {}, machine: null, pg: null, stoppers: [] },
  };
  const errors: string[] = [];
  try {
    await measureAll(opts, startedAt.getTime().toString(36), log, measured);
  } catch (e) {
    errors.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    console.error(`\nbench failed: ${errors[errors.length - 1]}`);
  } finally {
    await cleanupAll();
  }

  if (opts.dashboardOrgs > 0) {
    const dashboard = runDashboardPhase(opts.dashboardOrgs);
    if (dashboard) errors.push(dashboard);
  }

  const sizes = [...new Set([opts.usersSmall, opts.usersLarge])];
  const { inputs, lines, imports } = tables(measured, opts, sizes);
  const portals = Object.values(measured.started.columns).flatMap((cols) => (cols ?? []).filter((c) => c.side === 'portal'));
  const checks: Check[] = portals.flatMap((id) => checkPortal(measured.rows, measured.imports, measured.memory, id, opts.usersSmall, opts.usersLarge));
  const summary = summaryLine(lines, imports, checks);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `\nscim-portal benchmark: ${os.cpus().length} CPUs shared by the load generator and every server, node ${process.version}, ` +
      `load average ${load(loadAtStart)} at start and ${load(os.loadavg())} at end; app rate limits ${opts.keepRateLimits ? 'at their defaults' : 'raised out of reach'}`,
  );
  const render = { rounds: opts.rounds, connections: opts.connections, seconds: opts.seconds, importLabel: importLabel(opts) };
  for (const t of inputs) console.log(`\n${renderTable(t, render)}`);
  if (checks.length) console.log(`\n## portal checks\n\n${checkLines(checks)}`);
  const attrs = [...measured.attributes.filters.map(filterLine), ...measured.attributes.remaps.map(remapLine)];
  if (attrs.length) console.log(`\n## attribute workloads (portal only)\n\n${attrs.join('\n')}`);
  for (const w of durabilityWarnings(measured.flushes)) console.log(`\n${w}`);
  console.log(`\n${summary}`);
  const seconds = (performance.now() - started) / 1000;
  const rel = path.relative(process.cwd(), opts.out);
  console.log(`results: ${rel.startsWith('..') ? opts.out : rel}; run time ${(seconds / 60).toFixed(1)} min`);
  const { started: s, ...rest } = measured;
  writeJson(opts.out, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: opts,
    machine: {
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      node: process.version,
    },
    columns: s.columns,
    settings: s.settings,
    ...rest,
    lines,
    importLines: imports,
    checks,
    summary,
    errors,
  });
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
