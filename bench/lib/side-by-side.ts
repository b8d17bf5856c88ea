// The whole measurement: the servers under test started (the peer, then the portal on each database), then at each
// directory size: every directory grown to that size (the peer through its SCIM API, in the background while the
// portals are seeded), the workloads and then the imports run alternating between the servers, and the memory of
// each server sampled throughout; everything stopped at the end.
import type { BenchOptions } from './args';
import { runImports, type ImportResult } from './import-phase';
import { PeerUnderTest } from './peer-bench';
import { runPhase, serverLabel, type Row } from './phase';
import { PortalUnderTest } from './portal-bench';
import { RssSampler, type RssPeak } from './rss';
import type { SeedRecord, UnderTest } from './under-test';

export interface Measured {
  rows: Row[];
  imports: ImportResult[];
  memory: RssPeak[];
  seeding: SeedRecord[];
  /** The peer's name, when one ran. */
  peerName: string | null;
}

/** The peer seeds for minutes at 100,000 users, so it grows while the portals are seeded (which takes less). */
async function growAll(servers: UnderTest[], users: number, seeding: SeedRecord[]): Promise<void> {
  const inBackground = servers.filter((s) => s.id.server === 'peer').map((s) => s.growTo(users));
  // Awaited below; this keeps a failure while the portals are still seeding from going unhandled meanwhile.
  for (const p of inBackground) p.catch(() => {});
  for (const s of servers.filter((x) => x.id.server === 'portal')) seeding.push(await s.growTo(users));
  seeding.push(...(await Promise.all(inBackground)));
}

async function atSize(servers: UnderTest[], users: number, opts: BenchOptions, runTag: string, log: (line: string) => void, out: Measured): Promise<void> {
  const sampler = new RssSampler(servers.flatMap((s) => (s.pid === null ? [] : [{ id: s.id, pid: s.pid }])), users);
  sampler.start();
  try {
    const order = servers.map((s) => serverLabel(s.id)).join(', ');
    log(`\n[${users} users] workloads, ${opts.duration} s each per server, taking turns in slices: ${order}`);
    const phase = servers.map((s) => ({ id: s.id, workloads: s.workloads(opts.connections, runTag) }));
    const rows = await runPhase(phase, users, { seconds: opts.duration, connections: opts.connections, log });
    out.rows.push(...rows);
    for (const s of servers) await s.afterPhase?.(rows, opts.connections);
    const { users: u, groups, members } = opts.import;
    log(`[${users} users] import of ${u} users, ${groups} groups, ${members} memberships through SCIM, servers taking turns step by step`);
    out.imports.push(...(await runImports(servers, users, opts.import, runTag, log)));
  } finally {
    out.memory.push(...sampler.stop());
  }
}

export async function measureSideBySide(opts: BenchOptions, runTag: string, log: (line: string) => void, out: Measured): Promise<void> {
  const portals: PortalUnderTest[] = [];
  let peer: PeerUnderTest | null = null;
  try {
    peer = await PeerUnderTest.start(opts, runTag, log);
    out.peerName = peer?.id.db ?? null;
    for (const db of opts.dbs) portals.push(await PortalUnderTest.start(db, opts, runTag, log));
    // The peer between the portals: portal on SQLite, peer, portal on PostgreSQL.
    const servers: UnderTest[] = [...portals.slice(0, 1), ...(peer ? [peer] : []), ...portals.slice(1)];
    for (const users of [...new Set([opts.usersSmall, opts.usersLarge])]) {
      await growAll(servers, users, out.seeding);
      await atSize(servers, users, opts, runTag, log, out);
    }
  } finally {
    for (const s of [...portals, ...(peer ? [peer] : [])]) {
      try {
        await s.stop();
      } catch (e) {
        log(`stopping ${serverLabel(s.id)} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
