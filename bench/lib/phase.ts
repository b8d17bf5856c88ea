// Runs the workloads at one directory size on every server under test, alternating between the servers in short
// slices (portal on SQLite, peer, portal on PostgreSQL, again…), so that a busy moment on the shared machine weighs
// on each of them alike. The ceilings and the reads run interleaved with each other too, which keeps "% of the
// empty route's req/s" comparing like with like; each write workload then runs alone, still server by server.
import os from 'node:os';
import { measure, sample, summarize, type LoadSpec, type Measurement, type Sample } from './load';
import { sleep } from './processes';
import { fmt } from './table';
import type { Workload, WorkloadKey } from './workloads';

export type Server = 'portal' | 'peer';

export interface ServerId {
  server: Server;
  /** The portal's database, or the peer's name. */
  db: string;
}

export const serverLabel = (id: ServerId) => `${id.server}/${id.db}`;

export interface Row extends ServerId {
  users: number;
  key: WorkloadKey;
  label: string;
  m: Measurement;
  /** 1-minute load average when the workload ended: the machine is shared, so this says how quiet it was. */
  load1: number;
}

export interface PhaseServer {
  id: ServerId;
  workloads: Workload[];
}

export interface PhaseOptions {
  seconds: number;
  connections: number;
  log: (line: string) => void;
}

const INTERLEAVED: WorkloadKey[] = ['healthz', 'empty', 'get-user', 'filter-username'];
const SLICE_SECONDS = 2;
/** Membership adds (then removes) each server gets, unrecorded, before its first write workload. */
const WRITE_WARM_UP_REQUESTS = 300;

/**
 * autocannon stops at the deadline with requests still in flight, and the server finishes them afterwards; the
 * portal also writes its request log a quarter of a second behind. Wait about as long as the slowest requests
 * took (half a second at least), so that neither lands in the next slice (on another server, sharing the CPU)
 * nor after the membership clean-up.
 */
function drainMs(m: Measurement): number {
  return Math.min(15_000, Math.max(500, Number.isFinite(m.p99) ? 1.5 * m.p99 : 15_000));
}

/** One workload on one server, measured over several slices that carry on where the last one stopped. */
interface SlicedRun {
  server: PhaseServer;
  workload: Workload;
  spec: Omit<LoadSpec, 'seconds' | 'connections'>;
  /** Request numbers handed out so far. */
  offset: number;
  samples: Sample[];
}

async function runSlice(run: SlicedRun, seconds: number, connections: number): Promise<Sample | null> {
  const { spec, offset } = run;
  const remaining = spec.maxRequests === undefined ? undefined : spec.maxRequests - offset;
  if (remaining !== undefined && remaining <= 0) return null;
  const s = await sample({ ...spec, request: (i) => spec.request(offset + i), maxRequests: remaining, seconds, connections });
  run.offset += s.built;
  run.samples.push(s);
  return s;
}

/**
 * The first writes after seeding are the coldest requests a server sees: connections opened, statements prepared,
 * the write path still interpreted. At 1,000 users a PATCH workload has only the directory's non-members to add
 * (a few hundred requests, a second or two), so without this its figure is mostly that cold start. Each server
 * adds up to WRITE_WARM_UP_REQUESTS members to its small group and removes them again (back to the seeded
 * membership), unrecorded, before the writes are measured.
 */
async function warmUpWrites(server: PhaseServer, connections: number): Promise<void> {
  const add = server.workloads.find((w) => w.key === 'patch-add-small');
  const remove = server.workloads.find((w) => w.key === 'patch-remove-small');
  if (!add || !remove) return;
  const addSpec = add.spec(new Map());
  const maxRequests = Math.min(WRITE_WARM_UP_REQUESTS, addSpec.maxRequests ?? WRITE_WARM_UP_REQUESTS);
  const added = await sample({ ...addSpec, maxRequests, seconds: 30, connections });
  await sleep(drainMs(summarize([added])));
  const removeSpec = remove.spec(new Map([[add.key, summarize([added])]]));
  const removed = await sample({ ...removeSpec, seconds: 30, connections });
  await sleep(drainMs(summarize([removed])));
}

export async function runPhase(servers: PhaseServer[], users: number, opts: PhaseOptions): Promise<Row[]> {
  const rounds = Math.max(1, Math.round(opts.seconds / SLICE_SECONDS));
  const slice = opts.seconds / rounds;
  const done = new Map<PhaseServer, Map<WorkloadKey, Measurement>>(servers.map((s) => [s, new Map()]));
  const keys = [...new Set(servers.flatMap((s) => s.workloads.map((w) => w.key)))];
  const reads = keys.filter((k) => INTERLEAVED.includes(k));
  const groups = [reads, ...keys.filter((k) => !INTERLEAVED.includes(k)).map((k) => [k])];
  const rows: Row[] = [];
  for (const group of groups) {
    // Built only now: a remove workload's spec depends on what its add workload measured.
    const runs: SlicedRun[] = servers.flatMap((server) =>
      server.workloads
        .filter((w) => group.includes(w.key))
        .map((workload) => ({ server, workload, spec: workload.spec(done.get(server) ?? new Map()), offset: 0, samples: [] })),
    );
    if (group === reads) {
      // Warm-up (JIT, route modules, caches), not recorded.
      for (const { spec } of runs) await measure({ ...spec, seconds: Math.min(2, Math.max(1, opts.seconds / 4)), connections: opts.connections });
    } else if (group === groups[1]) {
      for (const server of servers) await warmUpWrites(server, opts.connections);
    }
    for (let r = 0; r < rounds; r++) {
      for (const run of runs) {
        const s = await runSlice(run, slice, opts.connections);
        if (s) await sleep(drainMs(summarize([s])));
      }
    }
    for (const run of runs) {
      if (run.samples.length === 0) continue;
      const m = summarize(run.samples);
      done.get(run.server)?.set(run.workload.key, m);
      rows.push({ ...run.server.id, users, key: run.workload.key, label: run.workload.label, m, load1: os.loadavg()[0] });
      opts.log(
        `  ${serverLabel(run.server.id)} ${fmt.int(users)} users: ${run.workload.label}: ${fmt.int(m.rps)} req/s, p50 ${fmt.ms(m.p50)} ms, ` +
          `p99 ${fmt.ms(m.p99)} ms, non-2xx ${m.non2xx}${m.errors ? `, errors ${m.errors}` : ''}`,
      );
    }
  }
  return rows;
}
