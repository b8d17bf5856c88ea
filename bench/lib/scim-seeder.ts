// Seeds another SCIM server (the peer) through its own API, growing its directory from one size to the next as
// the portal's grows: POST /Users for user{n}@example.com, and the two groups (SMALL_GROUP_SIZE members, and the
// big one: bigGroupSize) filled by PATCH add, 100 members a request; 10 requests at a time throughout.
import { performance } from 'node:perf_hooks';
import { addMembers, oktaGroup, oktaUser, seededUserName } from './okta-payloads';
import { createdId, isOk, sendBatch, type BatchResponse } from './scim-batch';
import { field, scimExpect, type ScimDirectory } from './scim-client';
import { bigGroupSize, SMALL_GROUP_SIZE } from './sizes';
import type { SeededGroup, SeededTarget } from './workloads';

const CONCURRENCY = 10;
const MEMBERS_PER_PATCH = 100;
const PROGRESS_EVERY = 10_000;

function expectOk(what: string, res: BatchResponse): void {
  if (!isOk(res.status)) throw new Error(`${what}: ${res.status || 'no answer'} ${res.body.slice(0, 300)}`);
}

/** Counts items done and prints the pace and time left every PROGRESS_EVERY, and once at the end. */
function progress(what: string, from: number, to: number, log: (line: string) => void): (items: number) => void {
  const started = performance.now();
  const c = (n: number) => n.toLocaleString('en-US');
  let done = 0;
  return (items) => {
    const before = done;
    done += items;
    const rate = done / ((performance.now() - started) / 1000);
    if (from + done >= to) log(`  ${c(to)} ${what} through SCIM (${rate.toFixed(0)}/s)`);
    else if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
      log(`  ${c(from + done)}/${c(to)} ${what} through SCIM (${rate.toFixed(0)}/s, ~${((to - from - done) / rate / 60).toFixed(1)} min left)`);
    }
  };
}

export class ScimSeeder {
  /** userIds[n] is the SCIM id of user{n}@example.com. */
  readonly userIds: string[] = [];
  private groups: { small: SeededGroup; big: SeededGroup } | null = null;

  constructor(
    private readonly dir: ScimDirectory,
    private readonly runTag: string,
  ) {}

  /** Adds user{n} up to `users`, creates the groups on first use and fills the big group to its size. */
  async growTo(users: number, log: (line: string) => void): Promise<{ target: SeededTarget; seconds: number }> {
    const started = performance.now();
    await this.createUsers(users, log);
    if (!this.groups) {
      const small = await this.createGroup(`bench-${this.runTag}-small`);
      await this.addMembers(small, 0, SMALL_GROUP_SIZE, () => {});
      this.groups = { small: { id: small, members: SMALL_GROUP_SIZE }, big: { id: await this.createGroup(`bench-${this.runTag}-big`), members: 0 } };
    }
    const big = this.groups.big;
    const bigMembers = bigGroupSize(users);
    await this.addMembers(big.id, big.members, bigMembers, log);
    this.groups.big = { ...big, members: Math.max(big.members, bigMembers) };
    const target: SeededTarget = { dir: this.dir, users, userIds: this.userIds, smallGroup: this.groups.small, bigGroup: this.groups.big };
    return { target, seconds: (performance.now() - started) / 1000 };
  }

  private async createUsers(users: number, log: (line: string) => void): Promise<void> {
    const from = this.userIds.length;
    if (users <= from) return;
    const tick = progress('users', from, users, log);
    await sendBatch(
      this.dir,
      users - from,
      (i) => ({ method: 'POST', path: '/Users', body: oktaUser(seededUserName(from + i), from + i) }),
      (i, res) => {
        expectOk(`POST /Users for ${seededUserName(from + i)}`, res);
        const id = createdId(res);
        if (!id) throw new Error(`POST /Users answered no id: ${res.body.slice(0, 300)}`);
        this.userIds[from + i] = id;
        tick(1);
      },
      CONCURRENCY,
    );
  }

  private async createGroup(name: string): Promise<string> {
    const created = await scimExpect(this.dir, 'POST', '/Groups', oktaGroup(name));
    if (!created) throw new Error('POST /Groups answered no body');
    return field(created, 'id');
  }

  /** Makes userIds[from..to) members of the group. */
  private async addMembers(groupId: string, from: number, to: number, log: (line: string) => void): Promise<void> {
    if (to <= from) return;
    const patches = Math.ceil((to - from) / MEMBERS_PER_PATCH);
    const tick = progress('group members', from, to, log);
    const members = (p: number) => {
      const value = [];
      for (let n = from + p * MEMBERS_PER_PATCH; n < Math.min(to, from + (p + 1) * MEMBERS_PER_PATCH); n++) value.push({ value: this.userIds[n], display: seededUserName(n) });
      return value;
    };
    await sendBatch(
      this.dir,
      patches,
      (p) => ({ method: 'PATCH', path: `/Groups/${groupId}`, body: addMembers(members(p)) }),
      (p, res) => {
        expectOk(`PATCH /Groups/${groupId} add members (patch ${p})`, res);
        tick(Math.min(MEMBERS_PER_PATCH, to - from - p * MEMBERS_PER_PATCH));
      },
      CONCURRENCY,
    );
  }
}
