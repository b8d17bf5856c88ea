// Runs a list of workloads against a seeded directory and records a row for each. The reads and the empty route
// run interleaved in short slices, so that a busy moment on a shared machine weighs on each of them alike and
// "% of empty-route req/s" compares like with like; the writes then run one after another.
import os from 'node:os';
import { measure, sample, summarize, type Measurement, type Sample } from './load';
import { sleep } from './processes';
import { fmt } from './table';
import type { Workload, WorkloadKey } from './workloads';

export type Server = 'portal' | 'peer';

export interface Row {
  server: Server;
  /** The portal's database, or the peer's name. */
  db: string;
  users: number;
  key: WorkloadKey;
  label: string;
  m: Measurement;
  /** 1-minute load average when the workload ended: the machine is shared, so this says how quiet it was. */
  load1: number;
}

export interface PhaseOptions {
  seconds: number;
  connections: number;
  log: (line: string) => void;
}

const INTERLEAVED: WorkloadKey[] = ['empty', 'get-user', 'filter-username'];
const SLICE_SECONDS = 2;

/**
 * autocannon stops at the deadline with requests still in flight, and the server finishes them afterwards: wait
 * about as long as the slowest requests took, so they neither overlap the next workload nor land after the
 * membership clean-up.
 */
function drainMs(m: Measurement): number {
  return Math.min(15_000, Math.max(500, Number.isFinite(m.p99) ? 1.5 * m.p99 : 15_000));
}

async function interleaved(reads: Workload[], opts: PhaseOptions): Promise<Map<WorkloadKey, Measurement>> {
  const rounds = Math.max(1, Math.round(opts.seconds / SLICE_SECONDS));
  const slice = opts.seconds / rounds;
  const specs = reads.map((w) => ({ key: w.key, spec: w.spec(new Map()) }));
  // Warm-up (JIT, route modules, caches), not recorded.
  for (const { spec } of specs) await measure({ ...spec, seconds: Math.min(2, Math.max(1, opts.seconds / 4)), connections: opts.connections });
  const samples = new Map<WorkloadKey, Sample[]>(specs.map(({ key }) => [key, []]));
  const offsets = new Map<WorkloadKey, number>(specs.map(({ key }) => [key, 0]));
  for (let r = 0; r < rounds; r++) {
    for (const { key, spec } of specs) {
      const offset = offsets.get(key) ?? 0;
      const s = await sample({ ...spec, request: (i) => spec.request(offset + i), seconds: slice, connections: opts.connections });
      offsets.set(key, offset + s.built);
      samples.get(key)?.push(s);
    }
  }
  return new Map([...samples].map(([key, list]) => [key, summarize(list)]));
}

export async function runPhase(
  workloads: Workload[],
  where: { server: Server; db: string; users: number },
  opts: PhaseOptions,
): Promise<Row[]> {
  const report = (w: Workload, m: Measurement) =>
    opts.log(
      `  ${where.server}/${where.db} ${where.users} users: ${w.label}: ${fmt.int(m.rps)} req/s, p50 ${fmt.ms(m.p50)} ms, ` +
        `p99 ${fmt.ms(m.p99)} ms, non-2xx ${m.non2xx}${m.errors ? `, errors ${m.errors}` : ''}`,
    );
  const reads = workloads.filter((w) => INTERLEAVED.includes(w.key));
  const before = await interleaved(reads, opts);
  await sleep(500);
  const rows = new Map<WorkloadKey, Row>();
  const load1 = os.loadavg()[0];
  for (const w of reads) {
    const m = before.get(w.key);
    if (!m) continue;
    rows.set(w.key, { ...where, key: w.key, label: w.label, m, load1 });
    report(w, m);
  }
  for (const w of workloads.filter((x) => !INTERLEAVED.includes(x.key))) {
    const m = await measure({ ...w.spec(before), seconds: opts.seconds, connections: opts.connections });
    await sleep(drainMs(m));
    before.set(w.key, m);
    rows.set(w.key, { ...where, key: w.key, label: w.label, m, load1: os.loadavg()[0] });
    report(w, m);
  }
  return workloads.flatMap((w) => rows.get(w.key) ?? []);
}
