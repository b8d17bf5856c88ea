// As an attacker would send it, against the built app on each database: the worst filter SCIM accepts (100 `co`
// comparisons on an attribute read from the stored JSON, matching nothing) over a directory of 100,000 users, sent
// with that directory's token, while another directory's IdP reads and writes. Those answer within 150 ms (the scan
// runs in SQLite's worker thread, or on PostgreSQL's scan pool); before scans ran apart, each waited for the whole
// scan. The large directory is written straight through SQL into the app's database (tests/int/large-directory.ts).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLargeDirectory } from '../int/large-directory';
import { leaveAppDatabase, newDirectory, scim, targets, useAppDatabase, type ScimDirectory } from './harness';

const USERS = 100_000;
const BOUND_MS = 150;
const WORST = Array.from({ length: 100 }, (_, i) => `nickName co "zz${i}"`).join(' or ');
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const someone = () => ({ schemas: [USER], userName: `beside-${randomBytes(5).toString('hex')}@example.com`, active: true });

afterAll(leaveAppDatabase);

describe.each(targets())('a scan beside other tenants on $name', (t) => {
  let big: ScimDirectory;
  let bigGroupId: string;
  let other: ScimDirectory;
  let otherUserId: string;

  beforeAll(async () => {
    big = await newDirectory(t);
    other = await newDirectory(t);
    await useAppDatabase(t);
    bigGroupId = (await seedLargeDirectory(big.directoryId, USERS)).bigGroupId;
    const created = await scim(other, 'POST', '/Users', { body: someone() });
    expect(created.status).toBe(201);
    otherUserId = created.body.id;
  }, 300_000);

  /**
   * The slowest of another directory's GET /Users/{id} and POST /Users sent one after another while `work` runs, and
   * how long `work` took; best of three tries (a shared machine: one slow answer is noise, a stall is in every try).
   */
  async function besideOthers(label: string, work: () => Promise<void>): Promise<{ slowest: number; workMs: number }> {
    const tries: { slowest: number; workMs: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      let workMs = 0;
      let done = false;
      const running = work().finally(() => {
        workMs = performance.now() - started;
        done = true;
      });
      const times: number[] = [];
      while (!done) {
        let at = performance.now();
        expect((await scim(other, 'GET', `/Users/${otherUserId}`)).status).toBe(200);
        times.push(performance.now() - at);
        at = performance.now();
        expect((await scim(other, 'POST', '/Users', { body: someone() })).status).toBe(201);
        times.push(performance.now() - at);
        await new Promise((r) => setTimeout(r, 2));
      }
      await running;
      const slowest = Math.max(...times);
      console.log(`[http ${t.name}] ${label}: ${workMs.toFixed(0)} ms; beside it ${times.length} requests, slowest ${slowest.toFixed(0)} ms`);
      tries.push({ slowest, workMs });
      if (slowest < BOUND_MS) break;
    }
    return tries.reduce((a, b) => (b.slowest < a.slowest ? b : a));
  }

  it(`another directory's GET /Users/{id} and POST /Users answer within ${BOUND_MS} ms while the worst filter scans`, async () => {
    const { slowest, workMs } = await besideOthers(`worst filter over ${USERS} users`, async () => {
      const res = await scim(big, 'GET', `/Users?filter=${encodeURIComponent(WORST)}`);
      expect([res.status, res.body.totalResults]).toEqual([200, 0]);
    });
    expect(workMs).toBeGreaterThan(2 * BOUND_MS);
    expect(slowest).toBeLessThan(BOUND_MS);
  }, 120_000);

  // Read and rendered in one piece, 50,000 members held the event loop or the read connection for the whole read
  // (200,000 users' 100,000 members: 430 ms on either database); streamed a page at a time, they hold it a page.
  it(`they answer within ${BOUND_MS} ms while a group of ${USERS / 2} members is read, streamed whole`, async () => {
    const { slowest } = await besideOthers(`GET /Groups/{id} of ${USERS / 2} members`, async () => {
      const res = await scim(big, 'GET', `/Groups/${bigGroupId}`);
      expect([res.status, res.headers.get('content-length'), res.body.members.length]).toEqual([200, null, USERS / 2]);
      expect(res.body.members.at(-1).value > res.body.members[0].value).toBe(true);
    });
    expect(slowest).toBeLessThan(BOUND_MS);
  }, 120_000);
});
