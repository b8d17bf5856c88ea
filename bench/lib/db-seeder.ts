// Seeds a portal directory straight into its database through the app's own data layer (lib/db/client,
// lib/directory/user-store): 100,000 users through SCIM would take longer than the benchmark itself.
// Users are written with insertUser in batched transactions; whenever the pace projects more than about two minutes
// in all, the rest is batched harder: Prisma createMany, then one INSERT per batch (sql-insert.ts), each writing the
// very same columns (userColumns, as insertUser does).
import { performance } from 'node:perf_hooks';
import { createDb, type Db, type Dialect } from '../../lib/db/client';
import { runProgramInTx } from '../../lib/db/sql-drivers';
import { insertUser } from '../../lib/directory/user-sql';
import { newId } from '../../lib/ids';
import { normalizeUser } from '../../lib/scim/resources/normalize-user';
import { userColumns } from '../../lib/scim/resources/user-columns';
import type { ScimObject } from '../../lib/scim/types';
import { oktaUser, seededUserName } from './okta-payloads';
import { insertRows, sqlTimestamp } from './sql-insert';

/** In the order tried: each is a harder batching than the one before. */
const MODES = ['insertUser', 'createMany', 'sql'] as const;
export type SeedMode = (typeof MODES)[number];

export interface SeedReport {
  users: number;
  seconds: number;
  modes: SeedMode[];
}

// Prisma splits a long createMany itself, but not an `in` list: SQLite takes at most 999 of those per statement.
const MEMBERSHIPS_PER_STATEMENT = 500;
const TX_OPTIONS = { maxWait: 60_000, timeout: 600_000 };
const USERS_BETWEEN_YIELDS = 50;

/**
 * Prisma's SQLite adapter (better-sqlite3) answers synchronously, so a chain of awaited queries runs as one stream
 * of microtasks that never returns to the event loop: the peer's seeding, which runs meanwhile in this process,
 * would get no socket I/O (its requests time out) until the whole growth is done. Seeding yields every so often.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function resourceOf(n: number): ScimObject {
  return normalizeUser(oktaUser(seededUserName(n), n));
}

export class DbSeeder {
  /** userIds[n] is the id of user{n}@example.com. */
  readonly userIds: string[] = [];

  private constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly directoryId: string,
    private readonly batch: number,
    /** Seconds: when a growth projects longer than this, batch harder. */
    private readonly budget: number,
  ) {}

  static async open(databaseUrl: string, directoryId: string, opts: { batch: number; budget: number }): Promise<DbSeeder> {
    const holder = createDb(databaseUrl);
    await holder.ready;
    return new DbSeeder(holder.db, holder.dialect, directoryId, opts.batch, opts.budget);
  }

  /** Adds user{n} for n from the current count up to `target`. */
  async growUsers(target: number, log: (line: string) => void): Promise<SeedReport> {
    const started = performance.now();
    const from = this.userIds.length;
    let tier = 0;
    const modes = new Set<SeedMode>();
    for (let n = from; n < target; n += this.batch) {
      const end = Math.min(target, n + this.batch);
      const mode = MODES[tier];
      modes.add(mode);
      const batchStarted = performance.now();
      if (mode === 'insertUser') await this.insertBatch(n, end);
      else if (mode === 'createMany') await this.createManyBatch(n, end);
      else await this.sqlBatch(n, end);
      await yieldToEventLoop();
      const now = performance.now();
      const elapsed = (now - started) / 1000;
      const projected = elapsed + ((target - end) * (now - batchStarted)) / 1000 / (end - n);
      if (projected > this.budget && tier < MODES.length - 1) {
        tier++;
        log(`  ${mode} pace projects ${projected.toFixed(0)} s for ${target - from} users; batching harder (${MODES[tier]})`);
      }
      if (end === target || (end - from) % (this.batch * 10) === 0) log(`  seeded ${end} users (${elapsed.toFixed(1)} s)`);
    }
    return { users: target - from, seconds: (performance.now() - started) / 1000, modes: [...modes] };
  }

  private async insertBatch(from: number, to: number): Promise<void> {
    const ids = await this.db.$transaction(async (tx) => {
      const out: string[] = [];
      for (let n = from; n < to; n++) {
        out.push((await runProgramInTx(tx, (env) => insertUser(env, this.directoryId, resourceOf(n)), this.dialect)).row.id);
        if ((n - from) % USERS_BETWEEN_YIELDS === USERS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
      }
      return out;
    }, TX_OPTIONS);
    this.userIds.push(...ids);
  }

  /** The rows insertUser would write for user{from..to}, with fresh ids. */
  private rows(from: number, to: number) {
    const directoryId = this.directoryId;
    const users = [];
    const emails = [];
    for (let n = from; n < to; n++) {
      const resource = resourceOf(n);
      const { emails: userEmails, ...cols } = userColumns(resource);
      const id = newId('usr');
      users.push({ id, directoryId, ...cols, raw: JSON.stringify(resource) });
      emails.push(...userEmails.map((e) => ({ ...e, userId: id, directoryId })));
    }
    return { users, emails };
  }

  private async createManyBatch(from: number, to: number): Promise<void> {
    const { users, emails } = this.rows(from, to);
    // The interactive form: only it takes a timeout, and a busy machine needs more than Prisma's 5 s.
    await this.db.$transaction(async (tx) => {
      await tx.directoryUser.createMany({ data: users });
      await tx.userEmail.createMany({ data: emails });
    }, TX_OPTIONS);
    this.userIds.push(...users.map((u) => u.id));
  }

  private async sqlBatch(from: number, to: number): Promise<void> {
    const { users, emails } = this.rows(from, to);
    const now = sqlTimestamp(new Date(), this.dialect);
    await this.db.$transaction(async (tx) => {
      await insertRows(tx, this.dialect, 'DirectoryUser', users.map((u) => ({ ...u, createdAt: now, updatedAt: now })));
      await insertRows(tx, this.dialect, 'UserEmail', emails);
    }, TX_OPTIONS);
    this.userIds.push(...users.map((u) => u.id));
  }

  /** Makes userIds[from..to) members of the group (rows in GroupMembership), replacing any such rows left over. */
  async addMembers(groupId: string, from: number, to: number): Promise<void> {
    const directoryId = this.directoryId;
    for (let start = from; start < to; start += MEMBERSHIPS_PER_STATEMENT) {
      const end = Math.min(to, start + MEMBERSHIPS_PER_STATEMENT);
      const userIds = this.userIds.slice(start, end);
      const data = userIds.map((userId, i) => ({ groupId, userId, directoryId, display: seededUserName(start + i) }));
      await this.db.$transaction(async (tx) => {
        await tx.groupMembership.deleteMany({ where: { groupId, userId: { in: userIds } } });
        await tx.groupMembership.createMany({ data });
      }, TX_OPTIONS);
      await yieldToEventLoop();
    }
  }

  /** Removes userIds[from..to) from the group: undoes what a PATCH workload left behind. */
  async removeMembers(groupId: string, from: number, to: number): Promise<void> {
    for (let start = from; start < Math.min(to, this.userIds.length); start += MEMBERSHIPS_PER_STATEMENT) {
      const userId = { in: this.userIds.slice(start, Math.min(to, start + MEMBERSHIPS_PER_STATEMENT)) };
      await this.db.groupMembership.deleteMany({ where: { groupId, userId } });
      await yieldToEventLoop();
    }
  }

  /**
   * After a bulk load, what an operator (or autovacuum, a little later) does on PostgreSQL: VACUUM ANALYZE, so the
   * planner has statistics and no autovacuum pass runs into the measurements. SQLite is left as it is.
   */
  async settle(): Promise<void> {
    if (this.dialect === 'postgres') await this.db.$executeRawUnsafe('VACUUM (ANALYZE)');
  }

  countMembers(groupId: string): Promise<number> {
    return this.db.groupMembership.count({ where: { groupId } });
  }

  async close(): Promise<void> {
    await this.db.$disconnect();
  }
}
