// The portal on one database as a server under test: started with its own database, one Okta directory seeded
// straight into the database (db-seeder.ts) and grown from one size to the next (the same directory: at the large
// size its tables really hold 100,000 users and more), its groups put back after each phase, stopped at the end.
import { startPortal, type RunningApp } from './app';
import type { BenchOptions, DbKind } from './args';
import { ceilingOrigin } from './ceiling';
import { DbSeeder } from './db-seeder';
import { oktaGroup, seededUserName } from './okta-payloads';
import type { Row } from './phase';
import { countUsers, field, hostApi, newOktaDirectory, scimExpect, type ScimDirectory } from './scim-client';
import { bigGroupSize, SMALL_GROUP_SIZE } from './sizes';
import type { SeedRecord, UnderTest } from './under-test';
import { ceilingWorkloads, scimWorkloads, type SeededTarget, type Workload } from './workloads';

/**
 * The app limits each directory token to 6,000 SCIM requests a minute, which a throughput benchmark passes in
 * seconds; the limits are raised out of reach rather than switched off, so the limiter's work stays measured.
 */
const NO_LIMITS = { RATE_LIMIT_SCIM_PER_MINUTE: '1000000000', RATE_LIMIT_API_PER_MINUTE: '1000000000', RATE_LIMIT_IP_PER_MINUTE: '1000000000' };

async function createGroup(dir: ScimDirectory, name: string, members: { value: string; display: string }[]): Promise<string> {
  const created = await scimExpect(dir, 'POST', '/Groups', oktaGroup(name, members));
  if (!created) throw new Error('POST /Groups answered no body');
  return field(created, 'id');
}

export class PortalUnderTest implements UnderTest {
  private target: SeededTarget | null = null;

  private constructor(
    readonly db: DbKind,
    private readonly app: RunningApp,
    readonly dir: ScimDirectory,
    private readonly seeder: DbSeeder,
    private readonly runTag: string,
    private readonly log: (line: string) => void,
    private readonly nextCeiling: string,
  ) {}

  static async start(db: DbKind, opts: BenchOptions, runTag: string, log: (line: string) => void): Promise<PortalUnderTest> {
    const say = (line: string) => log(`[${db}] ${line.trim()}`);
    say('starting the app (builds it first if the sources changed)…');
    const app = await startPortal(db, opts.keepRateLimits ? {} : NO_LIMITS, log);
    say(`app on ${app.baseUrl}, pid ${app.pid} (log: ${app.logFile})`);
    try {
      const dir = await newOktaDirectory(app);
      if (!dir.directoryId) throw new Error('no directory id');
      const seeder = await DbSeeder.open(app.databaseUrl, dir.directoryId, { batch: opts.batch, budget: opts.seedBudget });
      return new PortalUnderTest(db, app, dir, seeder, runTag, say, await ceilingOrigin());
    } catch (e) {
      await app.stop();
      throw e;
    }
  }

  get id() {
    return { server: 'portal' as const, db: this.db };
  }

  get pid(): number {
    return this.app.pid;
  }

  /** Stops the run at the next size rather than measuring a server that is gone. */
  private assertRunning(): void {
    const exit = this.app.exitedUnexpectedly();
    if (exit) throw new Error(`the app on ${this.db} exited (${exit}) during the run; see ${this.app.logFile}`);
  }

  async growTo(users: number): Promise<SeedRecord> {
    this.assertRunning();
    this.log(`seeding to ${users} users…`);
    const report = await this.seeder.growUsers(users, this.log);
    this.log(`seeded ${report.users} users in ${report.seconds.toFixed(1)} s (${report.modes.join(' then ')})`);
    let target = this.target;
    if (!target) {
      const small = this.seeder.userIds.slice(0, SMALL_GROUP_SIZE).map((value, n) => ({ value, display: seededUserName(n) }));
      const smallId = await createGroup(this.dir, `bench-${this.runTag}-small`, small);
      const bigId = await createGroup(this.dir, `bench-${this.runTag}-big`, []);
      target = { dir: this.dir, users, userIds: this.seeder.userIds, smallGroup: { id: smallId, members: SMALL_GROUP_SIZE }, bigGroup: { id: bigId, members: 0 } };
    }
    const bigMembers = bigGroupSize(users);
    await this.seeder.addMembers(target.bigGroup.id, target.bigGroup.members, bigMembers);
    this.target = { ...target, users, bigGroup: { ...target.bigGroup, members: bigMembers } };
    await this.verify(this.target);
    await this.seeder.settle();
    const apiGroup = await hostApi(this.app, 'GET', `/directories/${this.dir.directoryId}/groups/${this.target.bigGroup.id}`);
    this.log(`big group memberCount (host API): ${String(apiGroup.memberCount)}`);
    return { ...this.id, toUsers: users, users: report.users, seconds: report.seconds, method: report.modes.join(' then ') };
  }

  /** Checks the seeded state through SCIM and the database; a membership a late request changed is put back. */
  private async verify(t: SeededTarget): Promise<void> {
    const last = seededUserName(t.users - 1);
    if ((await countUsers(t.dir, `userName eq "${last}"`)) !== 1) throw new Error(`seeded user ${last} not found through SCIM`);
    for (const g of [t.smallGroup, t.bigGroup]) {
      const n = await this.seeder.countMembers(g.id);
      if (n === g.members) continue;
      this.log(`group ${g.id} has ${n} members, expected ${g.members}: resetting its membership`);
      await this.seeder.removeMembers(g.id, g.members, t.users);
      await this.seeder.addMembers(g.id, 0, g.members);
      const fixed = await this.seeder.countMembers(g.id);
      if (fixed !== g.members) throw new Error(`group ${g.id} has ${fixed} members, expected ${g.members}`);
    }
  }

  workloads(connections: number, runTag: string): Workload[] {
    if (!this.target) throw new Error('grow the directory before running workloads');
    this.assertRunning();
    return [...ceilingWorkloads(this.app.baseUrl, this.nextCeiling), ...scimWorkloads(this.target, { connections, runTag: `${runTag}-${this.db}-${this.target.users}` })];
  }

  /** Undoes what the PATCH workloads left (requests sent but not answered before a slice ended). */
  async afterPhase(rows: Row[], connections: number): Promise<void> {
    const t = this.target;
    if (!t) return;
    const mine = rows.filter((r) => r.server === 'portal' && r.db === this.db);
    for (const [key, g] of [['patch-add-small', t.smallGroup], ['patch-add-big', t.bigGroup]] as const) {
      const built = mine.find((r) => r.key === key)?.m.built ?? 0;
      await this.seeder.removeMembers(g.id, g.members, g.members + built + connections);
    }
    this.log(`${await countUsers(this.dir)} users in the directory after the ${t.users}-user workloads (POST /Users added some)`);
  }

  async stop(): Promise<void> {
    try {
      await this.seeder.close();
    } finally {
      await this.app.stop();
    }
  }
}
