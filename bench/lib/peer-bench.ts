// The other SCIM server as a server under test: the Jackson peer (started here), or any endpoint given with
// --target. Seeded through its own SCIM API (scim-seeder.ts), growing to the same sizes as the portal; it gets the
// portal's SCIM workloads (not the ceilings, which are the portal's own routes). Its groups need no putting back
// after a phase: the remove workloads undo every add that was sent.
import type { BenchOptions } from './args';
import { startPeer, type RunningPeer } from './peer';
import type { ScimDirectory } from './scim-client';
import { ScimSeeder } from './scim-seeder';
import type { SeedRecord, UnderTest } from './under-test';
import { scimWorkloads, type SeededTarget, type Workload } from './workloads';

export class PeerUnderTest implements UnderTest {
  private target: SeededTarget | null = null;
  private readonly seeder: ScimSeeder;

  private constructor(
    private readonly name: string,
    readonly dir: ScimDirectory,
    private readonly peer: RunningPeer | null,
    runTag: string,
    private readonly log: (line: string) => void,
  ) {
    this.seeder = new ScimSeeder(dir, runTag);
  }

  /** The Jackson peer with --peer (the default), else the --target endpoint; null when neither. */
  static async start(opts: BenchOptions, runTag: string, log: (line: string) => void): Promise<PeerUnderTest | null> {
    const say = (line: string) => log(`[peer] ${line.trim()}`);
    if (opts.peer) {
      say(`starting Jackson on port ${opts.peerPort} (installs it into /tmp/scim-peer on first use)…`);
      const peer = await startPeer(opts.peerPort);
      say(`jackson on ${peer.endpoint}, pid ${peer.pid}`);
      return new PeerUnderTest('jackson', { endpoint: peer.endpoint, token: peer.token, directoryId: null }, peer, runTag, say);
    }
    if (opts.target) {
      const { endpoint, token } = opts.target;
      return new PeerUnderTest(new URL(endpoint).host, { endpoint, token, directoryId: null }, null, runTag, say);
    }
    return null;
  }

  get id() {
    return { server: 'peer' as const, db: this.name };
  }

  get pid(): number | null {
    return this.peer?.pid ?? null;
  }

  async growTo(users: number): Promise<SeedRecord> {
    const from = this.seeder.userIds.length;
    this.log(`seeding to ${users} users through its SCIM API…`);
    const { target, seconds } = await this.seeder.growTo(users, this.log);
    this.target = target;
    this.log(`seeded ${users - from} users and the groups in ${seconds.toFixed(1)} s`);
    return { ...this.id, toUsers: users, users: users - from, seconds, method: 'SCIM API' };
  }

  workloads(connections: number, runTag: string): Workload[] {
    if (!this.target) throw new Error('grow the directory before running workloads');
    return scimWorkloads(this.target, { connections, runTag: `${runTag}-peer-${this.target.users}` });
  }

  async stop(): Promise<void> {
    await this.peer?.stop();
  }
}
