// As an attacker would send it, against the built app on each database: the worst filter SCIM accepts (100 `co`
// comparisons on an attribute read from the stored JSON, matching nothing) over a directory of 100,000 users, sent
// with that directory's token, while another directory's IdP reads and writes. Those answer within 150 ms (the scan
// runs in SQLite's worker thread, or on PostgreSQL's scan pool); before scans ran apart, each waited for the whole
// scan. The large directory is written straight through SQL into the app's database (tests/int/large-directory.ts).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../lib/db/database';
import { resetEnv } from '../../lib/env';
import { seedLargeDirectory } from '../int/large-directory';
import { newDirectory, scim, targets, type ScimDirectory } from './harness';

const USERS = 100_000;
const BOUND_MS = 150;
const WORST = Array.from({ length: 100 }, (_, i) => `nickName co "zz${i}"`).join(' or ');
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const someone = () => ({ schemas: [USER], userName: `beside-${randomBytes(5).toString('hex')}@example.com`, active: true });

afterAll(async () => {
  await closeDatabase();
  delete process.env.DATABASE_URL;
  resetEnv();
});

describe.each(targets())('a scan beside other tenants on $name', (t) => {
  let big: ScimDirectory;
  let other: ScimDirectory;
  let otherUserId: string;

  beforeAll(async () => {
    big = await newDirectory(t);
    other = await newDirectory(t);
    await closeDatabase();
    process.env.DATABASE_URL = t.databaseUrl;
    resetEnv();
    await seedLargeDirectory(big.directoryId, USERS);
    const created = await scim(other, 'POST', '/Users', { body: someone() });
    expect(created.status).toBe(201);
    otherUserId = created.body.id;
  }, 300_000);

  it(`another directory's GET /Users/{id} and POST /Users answer within ${BOUND_MS} ms while the worst filter scans`, async () => {
    const tries: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      let scanMs = 0;
      let done = false;
      const scan = scim(big, 'GET', `/Users?filter=${encodeURIComponent(WORST)}`).then((res) => {
        scanMs = performance.now() - started;
        done = true;
        return res;
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
      const res = await scan;
      expect(res.status).toBe(200);
      expect(res.body.totalResults).toBe(0);
      const slowest = Math.max(...times);
      console.log(
        `[http ${t.name}] worst filter over ${USERS} users: ${scanMs.toFixed(0)} ms; beside it ${times.length} requests, slowest ${slowest.toFixed(0)} ms`,
      );
      expect(scanMs).toBeGreaterThan(2 * BOUND_MS);
      tries.push(slowest);
      // A shared machine: one slow answer is noise, a stall is in every try.
      if (slowest < BOUND_MS) break;
    }
    expect(Math.min(...tries)).toBeLessThan(BOUND_MS);
  }, 120_000);
});
