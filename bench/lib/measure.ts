// The whole measurement: the servers started (servers-start.ts), each one's flushes per write counted, then at each
// directory size: every directory grown to that size through SCIM (the peers in the background while the portals
// are seeded), the reads, the writes (and the writes again with a webhook endpoint subscribed), the import, the
// memory of each server sampled throughout; everything stopped at the end.
import type { BenchOptions } from './args';
import { attributePhase, type AttributeFigures } from './attribute-phase';
import { declareField, fieldExtras, wantsAttributes } from './attribute-fields';
import { flushesPerWrite, type FlushCount } from './durability';
import { startWebhookReceiver, type WebhookReceiver } from './helpers';
import { runImports, type ImportResult } from './import-phase';
import { readPass, writePass, type SizeContext } from './passes';
import type { Row } from './phase';
import { RssSampler, type RssPeak } from './rss';
import { Seeder, type SeededDirectory } from './seeder';
import { startServers, type Started } from './servers-start';
import { serverLabel, type Server, type ServerId } from './servers';

interface SeedRecord {
  server: ServerId;
  toUsers: number;
  seconds: number;
}

interface Delivered {
  server: ServerId;
  users: number;
  /** Webhooks the receiver got from this server during the webhook pass and until they stopped coming. */
  received: number;
}

export interface Measured {
  rows: Row[];
  imports: ImportResult[];
  memory: RssPeak[];
  seeding: SeedRecord[];
  flushes: FlushCount[];
  delivered: Delivered[];
  /** Issue 18's filter and remap figures (the attribute workloads, portals only). */
  attributes: AttributeFigures;
  started: Started;
}

/** The longest a webhook slice waits for the server's deliveries to stop coming. */
const SETTLE_MS = 3_000;

const slug = (id: ServerId) => `${id.side}-${id.db}-${id.name.replace(/\W+/g, '-')}`;

async function grow(
  servers: Server[],
  seeders: Map<Server, Seeder>,
  users: number,
  log: (line: string) => void,
  out: Measured,
): Promise<Map<Server, SeededDirectory>> {
  const seeded = new Map<Server, SeededDirectory>();
  const one = async (s: Server) => {
    const started = performance.now();
    log(`[${serverLabel(s.id)}] seeding to ${users.toLocaleString('en-US')} users through SCIM…`);
    seeded.set(s, await (seeders.get(s) as Seeder).growTo(users));
    const seconds = (performance.now() - started) / 1000;
    out.seeding.push({ server: s.id, toUsers: users, seconds });
    log(`[${serverLabel(s.id)}] seeded to ${users.toLocaleString('en-US')} users and its groups in ${seconds.toFixed(0)} s`);
  };
  // The peers take ~250 users a second: they grow in the background while the portals are seeded one by one.
  const background = servers.filter((s) => s.id.side === 'peer').map(one);
  for (const p of background) p.catch(() => {});
  for (const s of servers.filter((x) => x.id.side === 'portal')) await one(s);
  await Promise.all(background);
  return seeded;
}

/** Waits until the receiver's counts (of one path, or all) stop growing for `quietMs`, at most `maxMs`. */
async function settled(receiver: WebhookReceiver, quietMs: number, maxMs: number, path?: string): Promise<Record<string, number>> {
  const read = async () => {
    const all = await receiver.counts();
    return { all, key: JSON.stringify(path === undefined ? all : (all[path] ?? 0)) };
  };
  let last = await read();
  for (const deadline = Date.now() + maxMs; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await read();
    if (now.key === last.key) return now.all;
    last = now;
  }
  return last.all;
}

async function webhookPass(ctx: SizeContext, receiver: WebhookReceiver, quick: boolean, out: Measured, log: (line: string) => void): Promise<Row[]> {
  const before = await receiver.counts();
  for (const s of ctx.servers) await s.setWebhook(`${receiver.origin}/${slug(s.id)}`);
  // A portal delivers after answering: its slice ends once its deliveries have stopped coming for longer than the
  // app's delivery poll (500 ms), so they weigh on its own CPU figure, not on the next server's slice; at most 3 s,
  // so that a backlog cannot stretch the run (what is delivered later is left out of its CPU figure).
  const settle = async (s: Server) => {
    const t = performance.now();
    await settled(receiver, 600, SETTLE_MS, `/${slug(s.id)}`);
    if (performance.now() - t >= SETTLE_MS)
      log(`  ${serverLabel(s.id)}: webhooks still arriving ${SETTLE_MS / 1000} s after the slice; the rest is left out of its CPU figure`);
  };
  try {
    log(`[${ctx.users} users] the writes again, one webhook endpoint subscribed on every server`);
    // --quick's figures mean nothing: it does not wait.
    return await writePass(quick ? ctx : { ...ctx, settle }, true);
  } finally {
    const after = await settled(receiver, 2_000, 120_000);
    for (const s of ctx.servers) {
      // A subscription that cannot be removed is said (what follows runs with it), not fatal.
      await s.setWebhook(null).catch((e: Error) => log(`  ${serverLabel(s.id)}: could not remove the webhook endpoint: ${e.message}`));
      const path = `/${slug(s.id)}`;
      out.delivered.push({ server: s.id, users: ctx.users, received: (after[path] ?? 0) - (before[path] ?? 0) });
    }
  }
}

export async function measureAll(opts: BenchOptions, runTag: string, say: (line: string) => void, out: Measured): Promise<void> {
  const t0 = performance.now();
  // Phase headers (they open with "[") carry the time since the start, to see where a run's time goes.
  const log = (line: string) => say(/^\n?\[\d+ users\]/.test(line) ? `${line} (at ${((performance.now() - t0) / 60_000).toFixed(1)} min)` : line);
  const started = out.started;
  try {
    await startServers(opts, log, started);
    const { servers } = started;
    const receiver = opts.webhooks === 'none' ? null : await startWebhookReceiver();
    if (receiver) started.stoppers.push({ name: 'webhook receiver', stop: receiver.stop });
    for (const s of servers) out.flushes.push(await flushesPerWrite(s, `${runTag}-${slug(s.id)}`));
    const only = opts.workloads && new Set(opts.workloads);
    // The attribute workloads' host field is declared before seeding, so every seeded user's value is mapped as it arrives.
    const attributes = wantsAttributes(only);
    if (attributes) for (const s of servers) if (s.host) await declareField(s.host, false);
    const extras = attributes ? fieldExtras : undefined;
    const seeders = new Map(
      servers.map((s) => [s, new Seeder(s.dir, `${runTag}-${slug(s.id)}`, opts.connections, (l) => log(`[${serverLabel(s.id)}]${l}`), extras)]),
    );
    const sizes = [...new Set([opts.usersSmall, opts.usersLarge])];
    for (const users of sizes) {
      for (const s of servers) if (s.exited()) throw new Error(`${serverLabel(s.id)} stopped during the run (${s.exited()})`);
      log(`\n[${users} users] seeding every directory through SCIM, the peers in the background`);
      const seeded = await grow(servers, seeders, users, log, out);
      for (const s of servers) {
        const d = seeded.get(s);
        if (s.selectGroups && d) await s.selectGroups([d.small.id, d.big.id, ...d.teams.map((t) => t.id)]);
      }
      // After a bulk load, as an operator (or autovacuum, a little later) does: statistics, and no vacuum mid-run.
      if (started.pg) for (const db of started.pg.databases()) await started.pg.vacuumAnalyze(db);
      const sampler = new RssSampler(
        servers.map((s) => ({ id: s.id, pid: s.pid })),
        users,
      );
      sampler.start();
      try {
        const ctx: SizeContext = {
          servers,
          machine: started.machine,
          seeded,
          users,
          runTag,
          rounds: {
            rounds: opts.rounds,
            seconds: opts.seconds,
            connections: opts.connections,
            drainMs: opts.quick ? 150 : 500,
            warmUpSeconds: opts.quick ? 0.25 : 1,
            log,
          },
          cannot: new Map(),
          only,
        };
        log(`\n[${users} users] reads and ceilings: ${opts.rounds} rounds of ${opts.seconds} s per workload and server, taking turns`);
        out.rows.push(...(await readPass(ctx)));
        log(`[${users} users] writes, each workload in turn`);
        out.rows.push(...(await writePass(ctx, false)));
        if (receiver && (opts.webhooks === 'all' || users === sizes[sizes.length - 1]))
          out.rows.push(...(await webhookPass(ctx, receiver, opts.quick, out, log)));
        if (only && attributes) await attributePhase(ctx, only, out.attributes);
        if (opts.import) {
          log(`[${users} users] import through SCIM, the servers taking turns step by step`);
          out.imports.push(...(await runImports(servers, users, opts.import, runTag, log)));
        }
      } finally {
        out.memory.push(...sampler.stop());
      }
    }
  } finally {
    for (const s of [...started.stoppers].reverse()) {
      try {
        await s.stop();
      } catch (e) {
        log(`stopping ${s.name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
