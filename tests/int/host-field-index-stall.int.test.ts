// Building a host field's index holds no other directory's requests: SQLite ran CREATE INDEX on the app's own
// connection, and over 100,000 users it held the event loop, every tenant's requests with it, for the whole build. It
// runs in a worker thread now (lib/db/sqlite-session-worker.ts); PostgreSQL's is CONCURRENTLY on a connection of its
// own (field-index-job.ts).
import { expect, it } from 'vitest';
import { kickFieldIndexes } from '../../lib/attributes/field-index-job';
import { sweepFieldIndexes } from '../../lib/attributes/field-index-sweep';
import { declare } from './field-index-helpers';
import { seedLargeDirectory } from './large-directory';
import { call, newDirectory, user } from './scim-helpers';

const USERS = 200_000;
const db = process.env.TEST_DB ?? 'sqlite';

it(`a build over ${USERS} users holds no other directory's reads for its length`, async () => {
  const big = await newDirectory();
  await seedLargeDirectory(big.directoryId, USERS);
  const other = await newDirectory();
  const someone = await call(other, 'POST', 'Users', user('someone@example.com'));
  expect(someone.status).toBe(201);
  const held: number[] = [];
  for (let i = 0; i < 3; i++) {
    const slug = `stall${i}`;
    const started = performance.now();
    await declare(big.hostId, slug, ['code']);
    // The build the declaration started, in the background.
    const build = kickFieldIndexes([]);
    let done = false;
    void build.finally(() => (done = true));
    // The longest wait between two reads, answer included: a stalled event loop is a gap, whichever read it falls beside.
    let slowest = 0;
    let served = 0;
    let last = performance.now();
    while (!done) {
      expect((await call(other, 'GET', `Users/${someone.body.id}`)).status).toBe(200);
      await new Promise((r) => setImmediate(r));
      const now = performance.now();
      slowest = Math.max(slowest, now - last);
      last = now;
      served++;
    }
    await build;
    const buildMs = performance.now() - started;
    console.log(`[${db}] field index over ${USERS} users: ${buildMs.toFixed(0)} ms; beside it ${served} reads, slowest ${slowest.toFixed(0)} ms`);
    held.push(slowest / buildMs);
    await declare(big.hostId, slug, []);
    await sweepFieldIndexes();
    // A shared machine: one slow answer is noise, being held for the whole build is in every try.
    if (slowest < buildMs / 4) break;
  }
  expect(Math.min(...held)).toBeLessThan(1 / 4);
}, 300_000);
