// A filter that scans stalls no other tenant: while the worst filter SCIM accepts (100 `co` comparisons on an
// unindexed attribute, matching nothing) reads every user of a large directory, requests of another directory keep
// answering within a tight bound (SQLite: the scan runs in a worker thread; PostgreSQL: on a pool of its own, never
// the pipelined read connection). A scan past SCAN_TIMEOUT_MS answers 400 tooMany and the next request works; more
// scans than the queue holds get 503 with Retry-After at once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, read, write } from '../../lib/db/database';
import { all, run } from '../../lib/db/sql-program';
import { groupsByIds, groupViews, pageGroups } from '../../lib/directory/groups/reads';
import { pageUsers, type UserPageArgs } from '../../lib/directory/users/reads';
import { resetEnv } from '../../lib/env';
import { ScansBusy } from '../../lib/db/scan-gate';
import { directoryCounts } from '../../lib/directory/directory-counts';
import { apiErrorResponse, toApiError } from '../../lib/host-api/api-error';
import { getEndpoint } from '../../lib/host-api/webhooks-api';
import type { ApiContext } from '../../lib/host-api/with-api-key';
import { webhookOverview } from '../../lib/operators/webhook-overview';
import { createEndpoint } from '../../lib/webhooks/endpoints';
import type { DirectoryScope } from '../../lib/events/event-types';
import { fastest } from './fastest';
import { countMembersOf, seedEmptyGroups, seedLargeDirectory } from './large-directory';
import { call, newDirectory, user } from './scim-helpers';

const USERS = 100_000;
const BOUND_MS = 150;
/** The worst filter the defaults accept: 100 comparisons (SCIM_MAX_FILTER_LEAVES) on a value read from `raw`. */
const WORST = Array.from({ length: 100 }, (_, i) => `nickName co "zz${i}"`).join(' or ');
const worstList = (dir: DirectoryScope) => call(dir, 'GET', `Users?filter=${encodeURIComponent(WORST)}`);
const db = process.env.TEST_DB ?? 'sqlite';

let big: DirectoryScope;
let other: DirectoryScope;
let otherUserId: string;

beforeAll(async () => {
  big = await newDirectory();
  await seedLargeDirectory(big.directoryId, USERS);
  other = await newDirectory();
  const created = await call(other, 'POST', 'Users', user('someone@example.com'));
  expect(created.status).toBe(201);
  otherUserId = created.body.id;
}, 300_000);

/** Runs the settings' change on a database opened anew (the drivers read their settings when they open). */
async function withSettings(vars: Record<string, string>, body: () => Promise<void>): Promise<void> {
  await closeDatabase();
  Object.assign(process.env, vars);
  resetEnv();
  try {
    await body();
  } finally {
    await closeDatabase();
    for (const k of Object.keys(vars)) delete process.env[k];
    resetEnv();
  }
}

/** The slowest of another directory's GET /Users/{id} and POST /Users, sent one after another while `scan` runs. */
async function slowestBeside(scan: Promise<unknown>): Promise<{ slowest: number; served: number }> {
  let done = false;
  void scan.finally(() => (done = true));
  const times: number[] = [];
  const gets: number[] = [];
  while (!done) {
    let t = performance.now();
    expect((await call(other, 'GET', `Users/${otherUserId}`)).status).toBe(200);
    gets.push(performance.now() - t);
    t = performance.now();
    expect((await call(other, 'POST', 'Users', user(`beside-${randomBytes(5).toString('hex')}@example.com`))).status).toBe(201);
    times.push(performance.now() - t);
    await new Promise((r) => setImmediate(r));
  }
  const q = (a: number[], p: number) => a.sort((x, y) => x - y)[Math.floor(a.length * p)]?.toFixed(1);
  console.log(
    `GET p50 ${q(gets, 0.5)} p99 ${q(gets, 0.99)} max ${Math.max(...gets).toFixed(0)}; POST p50 ${q(times, 0.5)} p99 ${q(times, 0.99)} max ${Math.max(...times).toFixed(0)}`,
  );
  times.push(...gets);
  return { slowest: Math.max(...times), served: times.length };
}

describe('a scan of one directory beside requests of another', () => {
  it(`another directory's GET /Users/{id} and POST /Users answer within ${BOUND_MS} ms while the worst filter scans`, async () => {
    const tries: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      let scanMs = 0;
      const scan = worstList(big).then((res) => {
        scanMs = performance.now() - started;
        expect(res.status).toBe(200);
        expect(res.body.totalResults).toBe(0);
      });
      const { slowest, served } = await slowestBeside(scan);
      await scan;
      console.log(`[${db}] worst filter over ${USERS} users: ${scanMs.toFixed(0)} ms; beside it ${served} requests, slowest ${slowest.toFixed(0)} ms`);
      // The scan must be long enough for the bound to mean something.
      expect(scanMs).toBeGreaterThan(2 * BOUND_MS);
      tries.push(slowest);
      // A shared machine: one slow answer is noise, a stall is in every try.
      if (slowest < BOUND_MS) break;
    }
    expect(Math.min(...tries)).toBeLessThan(BOUND_MS);
  }, 120_000);
});

describe("Okta's import: pages of the whole directory by startIndex", () => {
  // Each counted every user and walked past startIndex - 1 of them on the read path every tenant shares (200,000
  // users: 20-110 ms on SQLite, 60-146 ms on PostgreSQL, a page). A walk's first page now counts a large directory as
  // a scan, and each page that follows starts after the last key of the one before (lib/scim/list-walk.ts).
  it('a page that follows the page before costs what a page costs, the 901st as the 2nd', async () => {
    const small = await newDirectory();
    for (let i = 0; i < 3; i++) expect((await call(small, 'POST', 'Users', user(`walk-${i}@example.com`))).status).toBe(201);
    const page = (dir: DirectoryScope, startIndex: number) => call(dir, 'GET', `Users?startIndex=${startIndex}&count=100`);
    expect((await page(big, 89_901)).body.totalResults).toBe(USERS);
    const deep = await fastest(() => page(big, 90_001));
    const tiny = await fastest(() => page(small, 1));
    expect(deep.value.body).toMatchObject({ totalResults: USERS, itemsPerPage: 100 });
    expect(deep.value.body.Resources[0].userName).toBe('user90000@example.com');
    console.log(`[${db}] page 901 of ${USERS} users after page 900: ${deep.ms.toFixed(1)} ms; page 1 of 3 users ${tiny.ms.toFixed(1)} ms`);
    expect(deep.ms).toBeLessThan(5 * tiny.ms + 10);
  }, 120_000);

  it("a walk's first page counts a large directory as a scan, and a page far from any page before reads as one", async () => {
    const small = await newDirectory();
    await withSettings({ SCAN_QUEUE_LIMIT: '0', PG_SCAN_POOL_SIZE: '1' }, async () => {
      const worst = worstList(big);
      await new Promise((r) => setTimeout(r, 50)); // the worst filter takes the one place
      expect((await call(big, 'GET', 'Users?startIndex=1&count=100')).status).toBe(503);
      expect((await call(big, 'GET', 'Users?startIndex=50001&count=100')).status).toBe(503);
      expect((await call(small, 'GET', 'Users?startIndex=1&count=100')).status).toBe(200);
      expect((await worst).status).toBe(200);
      const far = await call(big, 'GET', 'Users?startIndex=50001&count=100');
      expect([far.body.totalResults, far.body.Resources[0].userName]).toEqual([USERS, 'user50000@example.com']);
    });
  }, 120_000);
});

describe('an indexed value most of a large directory shares', () => {
  // An indexed `eq` is read on the request's path only while it matches one user or none (Okta's and Entra's match
  // queries); one every user shares is sorted and counted as a scan (lib/scim/list-query.ts). On the read path it held
  // every other request for its whole length: 57-65 ms at 100,000 users, ten times that at a million.
  it('is sorted and counted as a scan: another directory is not held for its length', async () => {
    await write(() => run('UPDATE "DirectoryUser" SET "titleLower" = ? WHERE "directoryId" = ?', ['staff', big.directoryId]));
    const held: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      let listMs = 0;
      const list = call(big, 'GET', `Users?filter=${encodeURIComponent('title eq "Staff"')}&startIndex=50001&count=2`).then((res) => {
        listMs = performance.now() - started;
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ totalResults: USERS, itemsPerPage: 2 });
        expect(res.body.Resources.map((u: { userName: string }) => u.userName)).toEqual(['user50000@example.com', 'user50001@example.com']);
      });
      const { slowest, served } = await slowestBeside(list);
      await list;
      console.log(`[${db}] title eq shared by ${USERS} users: ${listMs.toFixed(0)} ms; beside it ${served} requests, slowest ${slowest.toFixed(0)} ms`);
      held.push(slowest / listMs);
      // A shared machine: one slow answer is noise, being held for the whole list is in every try.
      if (slowest < listMs / 3) break;
    }
    expect(Math.min(...held)).toBeLessThan(1 / 3);
  }, 120_000);
});

describe("a page of a group's members", () => {
  // Read on the path every tenant shares (the portal's and host API's member lists). In creation order, the first page
  // of 2,001 members created last walked the directory until it met them: 30 ms on SQLite, 120-137 ms on PostgreSQL at
  // 100,000 users, ten times that at a million. In member order it is a range of the membership key.
  it('costs what a page of the directory does, wherever in the directory the members are', async () => {
    const groupId = `grp_late_${big.directoryId}`;
    await write(function* () {
      yield* run(
        `INSERT INTO "DirectoryGroup" ("id", "directoryId", "displayName", "displayNameLower", "raw", "updatedAt") VALUES (?, ?, 'Late', 'late', '{}', ?)`,
        [groupId, big.directoryId, new Date()],
      );
      yield* run(
        `INSERT INTO "GroupMembership" ("groupId", "userId", "directoryId")
         SELECT ?, "id", "directoryId" FROM "DirectoryUser" WHERE "directoryId" = ? ORDER BY "createdAt" DESC, "id" DESC LIMIT 2001`,
        [groupId, big.directoryId],
      );
      yield* countMembersOf(big.directoryId);
    });
    const page = (args: Omit<UserPageArgs, 'directoryId' | 'limit'>) =>
      fastest(async () => (await read((env) => pageUsers(env, { directoryId: big.directoryId, limit: 100, ...args }))).rows.length);
    const members = await page({ groupId });
    const users = await page({});
    console.log(`[${db}] first page of 2,001 members created last: ${members.ms.toFixed(1)} ms; of the directory: ${users.ms.toFixed(1)} ms`);
    expect([members.value, users.value]).toEqual([100, 100]);
    expect(members.ms).toBeLessThan(3 * users.ms + 5);
  });
});

describe('a page of groups with a group of half the directory', () => {
  // The host API's and the portal's groups show each one's memberCount: counted on each read, 50,000 members took
  // 13-16 ms on PostgreSQL (a million: 280 ms), on the read path every tenant shares. Now a column of the row.
  it('costs what a page of small groups does', async () => {
    const page = (ids: string[]) =>
      fastest(() =>
        read(function* (env) {
          return (yield* groupViews(env, [...(yield* groupsByIds(env, big.directoryId, ids)).values()])).map((v) => v.row.memberCount);
        }),
      );
    const withBig = await page([`grp_big_${big.directoryId}`]);
    const small = await page([`grp_team_${big.directoryId}_1`]);
    console.log(`[${db}] a group of ${withBig.value[0]} members: ${withBig.ms.toFixed(1)} ms; of ${small.value[0]}: ${small.ms.toFixed(1)} ms`);
    expect([withBig.value, small.value]).toEqual([[USERS / 2], [10]]);
    expect(withBig.ms).toBeLessThan(3 * small.ms + 2);
  });
});

describe("the host's page of selected groups", () => {
  // The host sees only the selected groups (issue 19): with the one selected created last, its first page walked every
  // group of the directory on the shared read path: 50 ms on PostgreSQL at SCIM_MAX_GROUPS_PER_DIRECTORY (100,000).
  it('costs what a page of every group does, however few are selected', async () => {
    const teams = (await read(() => all(`SELECT COUNT(*) AS "n" FROM "DirectoryGroup" WHERE "directoryId" = ?`, [big.directoryId])))[0].n;
    await seedEmptyGroups(big.directoryId, 100_000 - Number(teams));
    await write(function* () {
      yield* run(`UPDATE "DirectoryGroup" SET "selected" = ? WHERE "directoryId" = ?`, [false, big.directoryId]);
      yield* run(
        `UPDATE "DirectoryGroup" SET "selected" = ? WHERE "id" = (SELECT "id" FROM "DirectoryGroup" WHERE "directoryId" = ? ORDER BY "createdAt" DESC, "id" DESC LIMIT 1)`,
        [true, big.directoryId],
      );
    });
    const groups = (await read(() => all(`SELECT COUNT(*) AS "n" FROM "DirectoryGroup" WHERE "directoryId" = ?`, [big.directoryId])))[0].n;
    const page = (selectedOnly: boolean) =>
      fastest(async () => (await read((env) => pageGroups(env, { directoryId: big.directoryId, limit: 100, selectedOnly }))).rows.length);
    // As autovacuum would after a selection change of 100,000 groups: PostgreSQL plans by statistics of the whole table.
    if (db === 'postgres') await read(() => all('ANALYZE "DirectoryGroup"'));
    const selected = await page(true);
    const every = await page(false);
    console.log(`[${db}] first page of the 1 selected group of ${groups}: ${selected.ms.toFixed(1)} ms; of every group: ${every.ms.toFixed(1)} ms`);
    expect([selected.value, every.value]).toEqual([1, 100]);
    expect(selected.ms).toBeLessThan(3 * every.ms + 5);
  });
});

describe("a directory's counts (the portal's directory page, the operators' organization page)", () => {
  // They count every user and group: on the read path every tenant shares, 25-32 ms at 200,000 users on PostgreSQL (a
  // million: 130-160 ms) on each visit. Read as a scan, they are refused at once when every place is taken and no
  // queue is allowed, rather than read beside everyone's lookups.
  it('are read as a scan', async () => {
    await withSettings({ SCAN_QUEUE_LIMIT: '0', PG_SCAN_POOL_SIZE: '1' }, async () => {
      const worst = worstList(big);
      await new Promise((r) => setTimeout(r, 50)); // the worst filter takes the one place (it scans for 100s of ms)
      await expect(directoryCounts(big.directoryId)).rejects.toBeInstanceOf(ScansBusy);
      expect((await worst).status).toBe(200);
      expect((await directoryCounts(big.directoryId)).users).toBe(USERS);
    });
  }, 120_000);
});

describe('the user quota of a directory within 1% of its limit', () => {
  // Counted on the read path every tenant shares before each create near the limit, a count held the event loop (SQLite:
  // 13-16 ms at 200,000 users) or the read connection (PostgreSQL: 40-48 ms) for every other tenant, create after
  // create. Read as a scan and at most every NEAR_REFRESH_MS: refused at once when no place is free and no count is
  // held; once one is held, creates go on without one.
  it('is counted as a scan, and not again on the creates that follow', async () => {
    await withSettings({ SCAN_QUEUE_LIMIT: '0', PG_SCAN_POOL_SIZE: '1', SCIM_MAX_USERS_PER_DIRECTORY: String(USERS + 50) }, async () => {
      const busy = worstList(big);
      await new Promise((r) => setTimeout(r, 50)); // the worst filter takes the one place
      const refused = await call(big, 'POST', 'Users', user('quota-0@example.com'));
      expect([refused.status, refused.headers['Retry-After']]).toEqual([503, '1']);
      expect((await busy).status).toBe(200);
      expect((await call(big, 'POST', 'Users', user('quota-0@example.com'))).status).toBe(201);
      const busyAgain = worstList(big);
      await new Promise((r) => setTimeout(r, 50));
      for (let i = 1; i <= 3; i++) expect((await call(big, 'POST', 'Users', user(`quota-${i}@example.com`))).status).toBe(201);
      expect((await busyAgain).status).toBe(200);
    });
  }, 120_000);
});

describe("a webhook endpoint's backlog (the host API's endpoint read, the operators' webhooks page)", () => {
  // It counts up to WEBHOOK_MAX_PENDING pending deliveries and every dropped one: 100,000 pending and 200,000 dropped
  // took 194-220 ms on PostgreSQL's shared read connection, 59-66 ms of SQLite's event loop, on each read.
  it('is counted as a scan: 503 with Retry-After from the host API, "not counted" on the page, while no place is free', async () => {
    const ep = (await createEndpoint(big.hostId, { url: 'http://127.0.0.1:9/hook' })).row;
    const read = async () => {
      const ctx = { hostId: big.hostId, keyId: 'key_test', params: { endpointId: ep.id }, url: new URL('http://x/') } as unknown as ApiContext;
      const res = await getEndpoint(ctx).catch((e: unknown) => apiErrorResponse(toApiError(e)));
      return { status: res.status, retryAfter: res.headers.get('Retry-After'), body: (await res.json()) as { deliveries?: { pending: number } } };
    };
    await withSettings({ SCAN_QUEUE_LIMIT: '0', PG_SCAN_POOL_SIZE: '1' }, async () => {
      const worst = worstList(big);
      await new Promise((r) => setTimeout(r, 50)); // the worst filter takes the one place
      expect(await read()).toMatchObject({ status: 503, retryAfter: '1' });
      expect((await webhookOverview(big.hostId)).map((e) => e.backlog)).toEqual([null]);
      expect((await worst).status).toBe(200);
      expect(await read()).toMatchObject({ status: 200, body: { deliveries: { pending: 0, dropped: 0 } } });
      expect((await webhookOverview(big.hostId)).map((e) => e.backlog)).toEqual([{ pending: 0, dropped: 0 }]);
    });
  }, 120_000);
});

describe('the bounds of scans', () => {
  afterAll(() => closeDatabase());

  it('a scan past SCAN_TIMEOUT_MS answers 400 tooMany, and the next requests work', async () => {
    await withSettings({ SCAN_TIMEOUT_MS: '100' }, async () => {
      const t = performance.now();
      const res = await worstList(big);
      const ms = performance.now() - t;
      console.log(`[${db}] worst filter with SCAN_TIMEOUT_MS=100: ${res.status} in ${ms.toFixed(0)} ms`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'tooMany' });
      expect(ms).toBeLessThan(1_000);
      expect((await call(other, 'GET', `Users/${otherUserId}`)).status).toBe(200);
      // The next scan runs (SQLite: in a new worker).
      const next = await call(other, 'GET', `Users?filter=${encodeURIComponent('nickName co "x"')}`);
      expect(next.status).toBe(200);
      expect(next.body.totalResults).toBe(0);
    });
  }, 60_000);

  // Nothing interrupts a running SQLite statement: a scan past the limit is answered at once, but its thread runs until
  // its statement returns. The next scan starts its own only then, so timeouts cannot pile up scanning threads.
  it.skipIf(db !== 'sqlite')(
    'scans stopped past the limit leave one scanning thread at most',
    async () => {
      await withSettings({ SCAN_TIMEOUT_MS: '50' }, async () => {
        const threads = () => fs.readdirSync('/proc/self/task').length;
        const before = threads();
        let most = before;
        const sampler = setInterval(() => (most = Math.max(most, threads())), 5);
        try {
          for (let i = 0; i < 4; i++) expect((await worstList(big)).status).toBe(400);
        } finally {
          clearInterval(sampler);
        }
        console.log(`[${db}] four scans stopped at 50 ms: threads ${before} before, at most ${most} meanwhile`);
        expect(most - before).toBeLessThanOrEqual(1);
      });
    },
    120_000,
  );

  it('scans past the queue are answered 503 with Retry-After at once, not after a growing wait', async () => {
    await withSettings({ SCAN_QUEUE_LIMIT: '2', PG_SCAN_POOL_SIZE: '2' }, async () => {
      const places = (db === 'postgres' ? 2 : 1) + 2;
      const sent = 10;
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: sent }, () => worstList(big).then((res) => ({ res, ms: performance.now() - started }))));
      const busy = answers.filter((a) => a.res.status === 503);
      expect(answers.filter((a) => a.res.status === 200)).toHaveLength(places);
      expect(busy).toHaveLength(sent - places);
      for (const { res, ms } of busy) {
        expect(res.headers['Retry-After']).toBe('1');
        expect(res.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '503' });
        expect(ms).toBeLessThan(BOUND_MS * 5);
      }
      console.log(
        `[${db}] ${sent} worst filters at once: ${places} served, ${busy.length} refused, the slowest refusal in ${Math.max(...busy.map((a) => a.ms)).toFixed(0)} ms`,
      );
    });
  }, 120_000);
});
