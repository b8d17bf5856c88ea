// Seeds a portal directory straight into its database through the app's own data layer (lib/db: the rows and
// columns insertUser writes, userColumns of the same Okta-shaped users): 100,000 users through SCIM would take
// longer than the benchmark itself. Users go in batched multi-row INSERTs, one transaction per batch.
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../../lib/db/database';
import { insertOp } from '../../lib/db/rows';
import type { DirectoryUserInsert, UserEmailInsert } from '../../lib/db/schema';
import { all, changes, runOp } from '../../lib/db/sql-program';
import { userColumns } from '../../lib/directory/users/columns';
import { newId } from '../../lib/ids';
import { normalizeUser } from '../../lib/scim/resources/normalize-user';
import type { ScimObject } from '../../lib/scim/types';
import { oktaUser, seededUserName } from './okta-payloads';

export type SeedMode = 'insert';

export interface SeedReport {
  users: number;
  seconds: number;
  modes: SeedMode[];
}

/** Rows per INSERT: DirectoryUser's 16 columns stay well within either database's parameter limit. */
const ROWS_PER_STATEMENT = 200;

/** The peer's seeding runs in this process meanwhile: seeding yields to the event loop between batches. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function resourceOf(n: number): ScimObject {
  return normalizeUser(oktaUser(seededUserName(n), n));
}

export class DbSeeder {
  /** userIds[n] is the id of user{n}@example.com. */
  readonly userIds: string[] = [];

  private constructor(
    private readonly db: Database,
    private readonly directoryId: string,
    private readonly batch: number,
  ) {}

  static async open(databaseUrl: string, directoryId: string, opts: { batch: number; budget: number }): Promise<DbSeeder> {
    return new DbSeeder(openDatabase(databaseUrl), directoryId, opts.batch);
  }

  /** Adds user{n} for n from the current count up to `target`. */
  async growUsers(target: number, log: (line: string) => void): Promise<SeedReport> {
    const started = performance.now();
    const from = this.userIds.length;
    for (let n = from; n < target; n += this.batch) {
      const end = Math.min(target, n + this.batch);
      await this.insertBatch(n, end);
      await yieldToEventLoop();
      if (end === target || (end - from) % (this.batch * 10) === 0) log(`  seeded ${end} users (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    return { users: target - from, seconds: (performance.now() - started) / 1000, modes: ['insert'] };
  }

  private async insertBatch(from: number, to: number): Promise<void> {
    const directoryId = this.directoryId;
    const users: DirectoryUserInsert[] = [];
    const emails: UserEmailInsert[] = [];
    for (let n = from; n < to; n++) {
      const resource = resourceOf(n);
      const { emails: userEmails, ...cols } = userColumns(resource);
      const id = newId('usr');
      users.push({ id, directoryId, ...cols, raw: JSON.stringify(resource) });
      emails.push(...userEmails.map((e) => ({ ...e, userId: id, directoryId })));
    }
    await this.db.write(function* (env) {
      for (let i = 0; i < users.length; i += ROWS_PER_STATEMENT) {
        yield* changes(insertOp(env.dialect, 'DirectoryUser', users.slice(i, i + ROWS_PER_STATEMENT)));
        yield* changes(insertOp(env.dialect, 'UserEmail', emails.slice(i, i + ROWS_PER_STATEMENT)));
      }
    });
    this.userIds.push(...users.map((u) => u.id));
  }

  /** Makes userIds[from..to) members of the group (rows in GroupMembership); rows already there are kept. */
  async addMembers(groupId: string, from: number, to: number): Promise<void> {
    const directoryId = this.directoryId;
    for (let start = from; start < to; start += ROWS_PER_STATEMENT * 5) {
      const end = Math.min(to, start + ROWS_PER_STATEMENT * 5);
      const rows = this.userIds.slice(start, end).map((userId, i) => ({ groupId, userId, directoryId, display: seededUserName(start + i) }));
      await this.db.write(function* (env) {
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          yield* changes(insertOp(env.dialect, 'GroupMembership', rows.slice(i, i + ROWS_PER_STATEMENT), { skipExisting: true }));
        }
      });
      await yieldToEventLoop();
    }
  }

  /** Removes userIds[from..to) from the group: undoes what a PATCH workload left behind. */
  async removeMembers(groupId: string, from: number, to: number): Promise<void> {
    const ids = this.userIds.slice(from, Math.min(to, this.userIds.length));
    for (let start = 0; start < ids.length; start += 1000) {
      const part = ids.slice(start, start + 1000);
      await this.db.write(function* (env) {
        const [inIds, param] = env.dialect.inList('"userId"', part);
        yield* changes(runOp(`DELETE FROM "GroupMembership" WHERE "groupId" = ? AND ${inIds}`, [groupId, param]));
      });
      await yieldToEventLoop();
    }
  }

  /**
   * After a bulk load, what an operator (or autovacuum, a little later) does on PostgreSQL: VACUUM ANALYZE, so the
   * planner has statistics and no autovacuum pass runs into the measurements. SQLite is left as it is.
   */
  async settle(): Promise<void> {
    if (this.db.dialect.name === 'postgres') await this.db.read(() => all('VACUUM (ANALYZE)'));
  }

  async countMembers(groupId: string): Promise<number> {
    const [r] = await this.db.read(() => all(`SELECT COUNT(*) AS "n" FROM "GroupMembership" WHERE "groupId" = ?`, [groupId]));
    return Number(r.n);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
