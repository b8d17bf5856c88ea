// Runs a group of jobs (a workload on a server) in alternating rounds: each round gives every job one slice, in
// server order, the order reversed every other round, so that a busy moment on the shared machine weighs on every
// server alike. Each slice is one reading of req/s and of the CPU the server's processes used per request (read
// from /proc after the slice's requests have drained, so the work a request leaves behind, such as its request-log
// row, counts). A job is probed first: a peer that answers wrongly is not measured; the portal is measured anyway.
import os from 'node:os';
import { runSlice, type Load } from './load';
import { cpuBetween, readCpu } from './proc';
import { sleep } from './processes';
import { serverLabel, type ServerId, type Target } from './servers';
import { cpuSpread, failures, percentile, rpsSpread, type Round } from './stats';
import { fmt } from './table';
import type { Kind, WorkloadKey } from './workload';

export interface Job {
  target: Target;
  key: WorkloadKey;
  label: string;
  idp: string;
  kind: Kind;
  webhook: boolean;
  /** What is wrong with the server's answers, or null; not run when already known (`cannotAnswer`). */
  probe?: () => Promise<string | null>;
  /** Known from an earlier pass: the server answers this shape wrongly. */
  cannotAnswer?: string | null;
  /** Built after the probe (a probe may take from a pool). */
  load: () => Load;
  /** After the rounds, with the request numbers handed out. */
  done?: (built: number) => Promise<void>;
  /** After each slice's drain, before its CPU is read: waits for work the requests left queued (webhooks). */
  settle?: () => Promise<void>;
}

export interface Row {
  server: ServerId;
  users: number;
  key: WorkloadKey;
  label: string;
  idp: string;
  kind: Kind;
  webhook: boolean;
  rounds: Round[];
  /** Of the 2xx answers of every round. */
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  /** What the server got wrong in the probe, or null. */
  cannotAnswer: string | null;
  /** 1-minute load average when the job ended: the machine is shared, so this says how quiet it was. */
  load1: number;
}

export interface RoundOptions {
  rounds: number;
  seconds: number;
  connections: number;
  /** Least wait after a slice for its requests in flight and the portal's request log (written 250 ms behind). */
  drainMs: number;
  /** Unrecorded load per job before the first round (JIT, caches); 0 for none. */
  warmUpSeconds: number;
  log: (line: string) => void;
}

interface Running {
  job: Job;
  row: Row;
  load: Load | null;
  offset: number;
  latencies: number[];
}

/** Wait about as long as the slowest request took: the ones in flight must not land in the next slice. */
const drainMs = (maxLatency: number, least: number) => Math.min(15_000, Math.max(least, 1.5 * maxLatency));

async function slice(r: Running, opts: RoundOptions, roundsLeft: number): Promise<void> {
  if (!r.load) return;
  const before = readCpu(await r.job.target.cpuPids());
  const s = await runSlice(r.load, r.offset, opts.seconds, opts.connections, roundsLeft);
  if (!s) return;
  r.offset += s.built;
  await sleep(drainMs(s.maxLatency, opts.drainMs));
  await r.job.settle?.();
  const cpuMs = process.platform === 'linux' ? cpuBetween(before, readCpu(await r.job.target.cpuPids())) : null;
  r.row.rounds.push({ responses: s.responses, ok: s.ok, non2xx: s.responses - s.ok, errors: s.errors, seconds: s.seconds, cpuMs });
  for (const l of s.okLatencies) r.latencies.push(l);
  for (const [code, n] of Object.entries(s.statusCodes)) r.row.statusCodes[code] = (r.row.statusCodes[code] ?? 0) + n;
}

function summary(row: Row): string {
  const cpu = cpuSpread(row.rounds);
  const fails = failures(row.rounds);
  return (
    `${serverLabel(row.server)}, ${row.users.toLocaleString('en-US')} users: ${row.label}${row.webhook ? ' + webhook' : ''}: ${fmt.spread(rpsSpread(row.rounds))} 2xx/s, ` +
    `${cpu ? `${cpu.median.toFixed(0)} µs CPU/req, ` : ''}p50 ${fmt.ms(row.p50)} ms${fails ? `, ${fails} failed` : ''}`
  );
}

export async function runRounds(jobs: Job[], users: number, opts: RoundOptions): Promise<Row[]> {
  const running: Running[] = [];
  for (const job of jobs) {
    const cannotAnswer = job.cannotAnswer !== undefined ? job.cannotAnswer : ((await job.probe?.()) ?? null);
    const row: Row = {
      server: job.target.id,
      users,
      key: job.key,
      label: job.label,
      idp: job.idp,
      kind: job.kind,
      webhook: job.webhook,
      rounds: [],
      p50: Number.NaN,
      p99: Number.NaN,
      statusCodes: {},
      cannotAnswer,
      load1: 0,
    };
    if (cannotAnswer) opts.log(`  ${serverLabel(job.target.id)}: ${job.label}: ${cannotAnswer}${job.target.id.side === 'portal' ? '' : '; not measured'}`);
    // The portal is measured even when it answers wrongly (its row fails); a peer that cannot answer is left out.
    const measured = !cannotAnswer || job.target.id.side === 'portal';
    running.push({ job, row, load: measured ? job.load() : null, offset: 0, latencies: [] });
  }
  if (opts.warmUpSeconds > 0) {
    for (const r of running) if (r.load) r.offset += (await runSlice(r.load, r.offset, opts.warmUpSeconds, opts.connections))?.built ?? 0;
  }
  for (let round = 0; round < opts.rounds; round++) {
    for (const r of round % 2 ? [...running].reverse() : running) await slice(r, opts, opts.rounds - round);
  }
  for (const r of running) {
    await r.job.done?.(r.offset);
    const sorted = Float64Array.from(r.latencies).sort();
    Object.assign(r.row, { p50: percentile(sorted, 50), p99: percentile(sorted, 99), load1: os.loadavg()[0] });
    if (r.load) opts.log(`  ${summary(r.row)}`);
  }
  return running.map((r) => r.row);
}
