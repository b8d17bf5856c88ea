// Seeds a server's directory through its SCIM API, as an IdP's first sync would, growing it from one size to the
// next: POST /Users for user{n}@example.com (Okta's payload), the small and big groups and the teams (POST /Groups,
// then PATCH add members, up to 100 a request). The same requests for the portal and the peer: nothing reaches past
// the public interface, so the bench keeps working whatever the app's data layer becomes.
import { performance } from 'node:perf_hooks';
import { addMembers, oktaCreateGroup, oktaCreateUser, seededUserName, type JsonObject } from './payloads';
import { createdId, isOk, sendBatch, type BatchResponse } from './scim-batch';
import type { ScimDirectory } from './scim-client';
import { bigGroupSize, SMALL_GROUP_SIZE, teamCount, teamMembers } from './sizes';

const MEMBERS_PER_PATCH = 100;
const PROGRESS_EVERY = 20_000;

export interface SeededGroup {
  id: string;
  name: string;
  /** Its members are userIds[0..members). */
  members: number;
}

/** A directory with user{n}@example.com for n < users, two groups and the teams. */
export interface SeededDirectory {
  users: number;
  /** userIds[n] is the SCIM id of user{n}@example.com. */
  userIds: string[];
  small: SeededGroup;
  big: SeededGroup;
  /** Team t has the members teamMembers(t). */
  teams: { id: string; name: string }[];
}

function expectOk(what: string, res: BatchResponse): void {
  if (!isOk(res.status)) throw new Error(`${what}: ${res.status || 'no answer'} ${res.body.slice(0, 300)}`);
}

export class Seeder {
  private readonly userIds: string[] = [];
  private readonly teams: { id: string; name: string }[] = [];
  private small: SeededGroup | null = null;
  private big: SeededGroup | null = null;

  constructor(
    private readonly dir: ScimDirectory,
    private readonly runTag: string,
    private readonly concurrency: number,
    private readonly log: (line: string) => void,
    /** Attributes each seeded user carries besides Okta's create body (the attribute workloads' field and title). */
    private readonly extras: (n: number) => JsonObject = () => ({}),
  ) {}

  /** Grows the directory to `users` users and its groups to their sizes; returns what it holds. */
  async growTo(users: number): Promise<SeededDirectory> {
    const from = this.userIds.length;
    const started = performance.now();
    await this.send(
      users - from,
      'users',
      (i) => ({ method: 'POST', path: '/Users', body: { ...oktaCreateUser(seededUserName(from + i), from + i), ...this.extras(from + i) } }),
      (i, res) => {
        const id = createdId(res);
        if (!id) throw new Error(`POST /Users answered no id: ${res.body.slice(0, 300)}`);
        this.userIds[from + i] = id;
      },
    );
    if (users > from) this.log(`  ${(users - from).toLocaleString('en-US')} users in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    this.small ??= {
      ...(await this.group(
        `bench-${this.runTag}-small`,
        Array.from({ length: SMALL_GROUP_SIZE }, (_, n) => n),
      )),
      members: SMALL_GROUP_SIZE,
    };
    const big = (this.big ??= { ...(await this.group(`bench-${this.runTag}-big`, [])), members: 0 });
    const bigMembers = bigGroupSize(users);
    await this.addMembers(
      big.id,
      Array.from({ length: Math.max(0, bigMembers - big.members) }, (_, k) => big.members + k),
    );
    big.members = Math.max(big.members, bigMembers);
    const teams = teamCount(users);
    const have = this.teams.length;
    await this.send(
      teams - have,
      'teams',
      (t) => ({ method: 'POST', path: '/Groups', body: oktaCreateGroup(`bench-${this.runTag}-team-${have + t}`) }),
      (t, res) => {
        const id = createdId(res);
        if (!id) throw new Error(`POST /Groups answered no id: ${res.body.slice(0, 300)}`);
        this.teams[have + t] = { id, name: `bench-${this.runTag}-team-${have + t}` };
      },
    );
    await this.send(
      teams - have,
      'team members',
      (t) => ({ method: 'PATCH', path: `/Groups/${this.teams[have + t].id}`, body: addMembers(this.members(teamMembers(have + t, users))) }),
      () => {},
    );
    return { users, userIds: this.userIds, small: this.small, big, teams: this.teams };
  }

  private members(ns: number[]) {
    return ns.map((n) => ({ value: this.userIds[n], display: seededUserName(n) }));
  }

  private async group(name: string, members: number[]): Promise<{ id: string; name: string }> {
    let id: string | null = null;
    await this.send(
      1,
      'group',
      () => ({ method: 'POST', path: '/Groups', body: oktaCreateGroup(name) }),
      (_, res) => (id = createdId(res)),
    );
    if (!id) throw new Error(`POST /Groups ${name} answered no id`);
    await this.addMembers(id, members);
    return { id, name };
  }

  /** Adds user{n} for each n, MEMBERS_PER_PATCH a request. */
  private async addMembers(groupId: string, ns: number[]): Promise<void> {
    const patches = Math.ceil(ns.length / MEMBERS_PER_PATCH);
    await this.send(
      patches,
      'group members',
      (p) => ({ method: 'PATCH', path: `/Groups/${groupId}`, body: addMembers(this.members(ns.slice(p * MEMBERS_PER_PATCH, (p + 1) * MEMBERS_PER_PATCH))) }),
      () => {},
      MEMBERS_PER_PATCH,
    );
  }

  /** Sends `count` requests, each answer checked; logs the pace every PROGRESS_EVERY items. */
  private async send(
    count: number,
    what: string,
    request: Parameters<typeof sendBatch>[2],
    onOk: (i: number, res: BatchResponse) => void,
    itemsPerRequest = 1,
  ): Promise<void> {
    if (count <= 0) return;
    const started = performance.now();
    let done = 0;
    await sendBatch(
      this.dir,
      count,
      request,
      (i, res) => {
        expectOk(`seeding ${what} (request ${i})`, res);
        onOk(i, res);
        const before = done;
        done += itemsPerRequest;
        if (Math.floor(done / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
          const rate = done / ((performance.now() - started) / 1000);
          this.log(`  ${done.toLocaleString('en-US')}/${(count * itemsPerRequest).toLocaleString('en-US')} ${what} (${rate.toFixed(0)}/s)`);
        }
      },
      this.concurrency,
    );
  }
}
