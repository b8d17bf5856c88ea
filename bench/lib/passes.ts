// The workloads at one directory size, as jobs for the round runner: the reads with the ceilings, interleaved with
// each other; then each write workload alone, in order (a write's pool is what the writes before it left), once
// plainly and, where asked, once more with one webhook endpoint subscribed on every server.
import { groupWrites } from './group-writes';
import type { Load } from './load';
import { runRounds, type Job, type RoundOptions, type Row } from './phase';
import { readWorkloads } from './reads';
import type { SeededDirectory } from './seeder';
import type { Server, Target } from './servers';
import { deleteUsers, userWrites } from './user-writes';
import type { Stage, Workload } from './workload';

const WRITES: Workload[] = [...userWrites(), ...groupWrites(), deleteUsers];

export interface SizeContext {
  servers: Server[];
  /** The bench's own node:http server, the machine's ceiling. */
  machine: (Target & { origin: string }) | null;
  seeded: Map<Server, SeededDirectory>;
  users: number;
  runTag: string;
  rounds: RoundOptions;
  /** What each server got wrong in the plain pass's probes, for the webhook pass: `${name} ${db} ${key}`. */
  cannot: Map<string, string | null>;
  /** The workloads to run (--workloads); null: every one. */
  only: ReadonlySet<string> | null;
  /** In the webhook pass: waits until the server's deliveries stop coming, so its slice's CPU counts them. */
  settle?: (s: Server) => Promise<void>;
}

const cannotKey = (s: Server, w: Workload) => `${s.id.name} ${s.id.db} ${w.key}`;

function stageOf(ctx: SizeContext, s: Server, pass: string): Stage {
  const seeded = ctx.seeded.get(s);
  if (!seeded) throw new Error(`${s.id.name} on ${s.id.db} was not seeded`);
  const tag = `${ctx.runTag}-${s.id.side}-${s.id.db}-${s.id.name.replace(/\W+/g, '')}-${ctx.users}-${pass}`;
  return {
    dir: s.dir,
    baseUrl: s.baseUrl,
    seeded,
    tag,
    connections: ctx.rounds.connections,
    createdUsers: [],
    createdGroups: [],
    added: new Map(),
    built: new Map(),
  };
}

function jobOf(ctx: SizeContext, s: Server, stage: Stage, w: Workload, webhook: boolean): Job {
  const known = webhook ? { cannotAnswer: ctx.cannot.get(cannotKey(s, w)) ?? null } : {};
  const settle = webhook ? ctx.settle : undefined;
  return {
    target: s,
    key: w.key,
    label: w.label,
    idp: w.idp,
    kind: w.kind,
    webhook,
    ...known,
    probe: async () => {
      const reason = (await w.probe?.(stage)) ?? null;
      ctx.cannot.set(cannotKey(s, w), reason);
      return reason;
    },
    load: () => w.load(stage),
    ...(settle ? { settle: () => settle(s) } : {}),
    done: async (built) => {
      stage.built.set(w.key, built);
      await w.finish?.(stage);
    },
  };
}

const ceiling = (target: Target, key: 'node-http' | 'healthz', label: string, origin: string, path: string): Job => ({
  target,
  key,
  label,
  idp: '-',
  kind: 'ceiling',
  webhook: false,
  load: (): Load => ({ origin, method: 'GET', headers: {}, request: () => ({ path }) }),
});

/** The ceilings and every read, interleaved, after a short unrecorded warm-up. */
export async function readPass(ctx: SizeContext): Promise<Row[]> {
  const jobs: Job[] = [];
  if (ctx.machine) jobs.push(ceiling(ctx.machine, 'node-http', "GET / (the bench's own node:http server)", ctx.machine.origin, '/'));
  for (const s of ctx.servers) if (s.baseUrl) jobs.push(ceiling(s, 'healthz', 'GET /healthz (the app, before any of its work)', s.baseUrl, '/healthz'));
  const stages = new Map(ctx.servers.map((s) => [s, stageOf(ctx, s, 'reads')]));
  for (const w of readWorkloads().filter((x) => !ctx.only || ctx.only.has(x.key)))
    for (const s of ctx.servers) jobs.push(jobOf(ctx, s, stages.get(s) as Stage, w, false));
  return runRounds(jobs, ctx.users, ctx.rounds);
}

/** Each write workload in turn, its rounds alternating between the servers. */
export async function writePass(ctx: SizeContext, webhook: boolean): Promise<Row[]> {
  const stages = new Map(ctx.servers.map((s) => [s, stageOf(ctx, s, webhook ? 'hook' : 'plain')]));
  const rows: Row[] = [];
  for (const w of WRITES.filter((x) => !ctx.only || ctx.only.has(x.key))) {
    const jobs = ctx.servers.map((s) => jobOf(ctx, s, stages.get(s) as Stage, w, webhook));
    rows.push(...(await runRounds(jobs, ctx.users, { ...ctx.rounds, warmUpSeconds: 0 })));
  }
  return rows;
}
