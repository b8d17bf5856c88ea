// The portal on one database: start it, seed a directory to the small size, measure, grow it to the large size
// (same directory: its tables really hold 100,000 users), measure again, stop.
import { startPortal } from './app';
import type { BenchOptions, DbKind } from './args';
import { DbSeeder, type SeedReport } from './db-seeder';
import { oktaGroup, seededUserName } from './okta-payloads';
import { runPhase, type Row } from './phase';
import { countUsers, field, hostApi, newOktaDirectory, scimExpect, type ScimDirectory } from './scim-client';
import { bigGroupSize, SMALL_GROUP_SIZE } from './sizes';
import { emptyWorkload, scimWorkloads, type SeededTarget } from './workloads';

export interface SeedRecord extends SeedReport {
  db: DbKind;
  toUsers: number;
}

async function createGroup(dir: ScimDirectory, name: string, members: { value: string; display: string }[]): Promise<string> {
  const created = await scimExpect(dir, 'POST', '/Groups', oktaGroup(name, members));
  if (!created) throw new Error('POST /Groups answered no body');
  return field(created, 'id');
}

/** Checks the seeded state through SCIM and the database; a membership a late request changed is put back. */
async function verify(dir: ScimDirectory, seeder: DbSeeder, t: SeededTarget, log: (line: string) => void): Promise<void> {
  const last = seededUserName(t.users - 1);
  if ((await countUsers(dir, `userName eq "${last}"`)) !== 1) throw new Error(`seeded user ${last} not found through SCIM`);
  for (const g of [t.smallGroup, t.bigGroup]) {
    const n = await seeder.countMembers(g.id);
    if (n === g.members) continue;
    log(`  group ${g.id} has ${n} members, expected ${g.members}: resetting its membership`);
    await seeder.removeMembers(g.id, g.members, t.users);
    await seeder.addMembers(g.id, 0, g.members);
    const fixed = await seeder.countMembers(g.id);
    if (fixed !== g.members) throw new Error(`group ${g.id} has ${fixed} members, expected ${g.members}`);
  }
}

/**
 * The app limits each directory token to 6,000 SCIM requests a minute, which a throughput benchmark passes in
 * seconds; the limits are raised out of reach rather than switched off, so the limiter's work stays measured.
 */
const NO_LIMITS = { RATE_LIMIT_SCIM_PER_MINUTE: '1000000000', RATE_LIMIT_API_PER_MINUTE: '1000000000', RATE_LIMIT_IP_PER_MINUTE: '1000000000' };

export async function benchPortal(db: DbKind, opts: BenchOptions, runTag: string, log: (line: string) => void): Promise<{ rows: Row[]; seeding: SeedRecord[] }> {
  log(`[${db}] starting the app (builds it first if the sources changed)…`);
  const app = await startPortal(db, opts.keepRateLimits ? {} : NO_LIMITS, log);
  log(`[${db}] app on ${app.baseUrl} (log: ${app.logFile})`);
  const rows: Row[] = [];
  const seeding: SeedRecord[] = [];
  let seeder: DbSeeder | null = null;
  try {
    const dir = await newOktaDirectory(app);
    if (!dir.directoryId) throw new Error('no directory id');
    seeder = await DbSeeder.open(app.databaseUrl, dir.directoryId, { batch: opts.batch, budget: opts.seedBudget });
    let target: SeededTarget | null = null;
    for (const users of [opts.usersSmall, opts.usersLarge]) {
      if (target && users === target.users) continue;
      log(`[${db}] seeding to ${users} users…`);
      const report = await seeder.growUsers(users, log);
      seeding.push({ db, toUsers: users, ...report });
      log(`[${db}] seeded ${report.users} users in ${report.seconds.toFixed(1)} s (${report.modes.join(' then ')})`);
      if (!target) {
        const small = await createGroup(
          dir,
          `bench-${runTag}-small`,
          seeder.userIds.slice(0, SMALL_GROUP_SIZE).map((value, n) => ({ value, display: seededUserName(n) })),
        );
        const big = await createGroup(dir, `bench-${runTag}-big`, []);
        target = { dir, users, userIds: seeder.userIds, smallGroup: { id: small, members: SMALL_GROUP_SIZE }, bigGroup: { id: big, members: 0 } };
      }
      const bigMembers = bigGroupSize(users);
      await seeder.addMembers(target.bigGroup.id, target.bigGroup.members, bigMembers);
      target = { ...target, users, bigGroup: { ...target.bigGroup, members: bigMembers } };
      await verify(dir, seeder, target, log);
      const apiGroup = await hostApi(app, 'GET', `/directories/${dir.directoryId}/groups/${target.bigGroup.id}`);
      log(`[${db}] big group memberCount (host API): ${String(apiGroup.memberCount)}`);

      const workloads = [emptyWorkload(app.baseUrl), ...scimWorkloads(target, { connections: opts.connections, runTag: `${runTag}-${db}-${users}` })];
      const phaseRows = await runPhase(workloads, { server: 'portal', db, users }, { seconds: opts.duration, connections: opts.connections, log });
      rows.push(...phaseRows);
      // Undo what the PATCH workloads left (requests built but never sent), so the groups keep their sizes.
      for (const [key, g] of [['patch-add-small', target.smallGroup], ['patch-add-big', target.bigGroup]] as const) {
        const built = phaseRows.find((r) => r.key === key)?.m.built ?? 0;
        await seeder.removeMembers(g.id, g.members, g.members + built + opts.connections);
      }
      log(`[${db}] ${await countUsers(dir)} users in the directory after the ${users}-user phase (POST /Users added some)`);
    }
  } finally {
    await seeder?.close();
    await app.stop();
  }
  return { rows, seeding };
}
