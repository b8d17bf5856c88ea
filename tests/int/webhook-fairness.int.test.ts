// Issue 21 finding 7: one dead endpoint must not hold up another's webhooks. With 1,000 directories whose
// deliveries to a dead endpoint (a closed port; then one that accepts and never answers) wait on retries that keep
// coming due, a healthy endpoint's webhook arrives within 2 s, through the background worker as the app runs it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import type { DirectoryScope } from '../../lib/events/event-types';
import { writeEventsSql } from '../../lib/events/write-events';
import { createEndpoint } from '../../lib/webhooks/endpoints';
import { UNREACHABLE } from '../../lib/webhooks/outbound/outbound-agent';
import { resetEnv } from '../../lib/env';
import { runDeliveryPass, startWebhookWorker, stopWebhookWorker } from '../../lib/webhooks/worker';
import { closedPortUrl, listen, type Receiver } from './receivers';
import { newDirectory } from './scim-helpers';
import { countOf, exec, firstOf, rowsOf } from './db-rows';

const DIRECTORIES = 1_000;
let scope: DirectoryScope;
let healthy: Receiver;
let healthyUrl = '';
const arrived = new Map<string, number>();

beforeAll(async () => {
  scope = await newDirectory();
  healthy = await listen((body, res) => {
    arrived.set((JSON.parse(body) as { id: string }).id, performance.now());
    res.writeHead(204).end();
  });
  healthyUrl = healthy.url;
});
afterAll(() => healthy.close());
afterEach(() => {
  stopWebhookWorker();
  delete process.env.WEBHOOK_TIMEOUT_MS;
  resetEnv();
});

/** One event in each of `n` directories of the host (one transaction): n lanes for each subscribed endpoint. */
async function eventsInDirectories(prefix: string, n: number): Promise<void> {
  await write(function* (env) {
    for (let i = 0; i < n; i++) {
      yield* writeEventsSql(env, { ...scope, directoryId: `${prefix}_${i}` }, [{ type: 'directory.user.created', data: { id: `usr_${prefix}_${i}` } }]);
    }
  });
}

async function healthyArrival(): Promise<{ ms: number; deadAttemptsMeanwhile: number }> {
  const before = await countOf('WebhookAttempt');
  const dir = `dir_late_${Math.random().toString(36).slice(2)}`;
  const started = performance.now();
  await write((env) => writeEventsSql(env, { ...scope, directoryId: dir }, [{ type: 'directory.user.created', data: { id: 'usr_late' } }]));
  const event = await firstOf('Event', '"directoryId" = ?', [dir]);
  while (!arrived.has(event.id) && performance.now() - started < 10_000) await new Promise((r) => setTimeout(r, 10));
  const ms = (arrived.get(event.id) ?? Infinity) - started;
  // The dead lanes' attempts are recorded as they fail: a healthy webhook may arrive (here in 12 ms) before the
  // first of them is, so wait a little for it; what matters is that they were due and worked meanwhile.
  const until = performance.now() + 2_000;
  while ((await countOf('WebhookAttempt')) === before && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
  return { ms, deadAttemptsMeanwhile: (await countOf('WebhookAttempt')) - before };
}

describe('delivery is fair and isolated across endpoints', () => {
  it('a dead endpoint (closed port) with 1,000 directories on retry: a healthy webhook arrives within 2 s', async () => {
    const deadUrl = await closedPortUrl();
    const dead = await createEndpoint(scope.hostId, { url: deadUrl });
    await eventsInDirectories('dir_dead', DIRECTORIES);
    // Retries due again a second after each failure: the dead lanes keep competing for the worker.
    process.env.WEBHOOK_RETRY_SCHEDULE = '0,1,1,1,1,1,1,1';
    resetEnv();
    while ((await countOf('WebhookDelivery', '"endpointId" = ? AND "attempts" = 0', [dead.row.id])) > 0 || (await countOf('WebhookDelivery')) < DIRECTORIES) {
      await runDeliveryPass();
    }
    expect(await countOf('WebhookDelivery', '"endpointId" = ? AND "status" = ?', [dead.row.id, 'pending'])).toBe(DIRECTORIES);
    await createEndpoint(scope.hostId, { url: healthyUrl });
    await new Promise((r) => setTimeout(r, 1_100)); // every dead lane is due again
    startWebhookWorker();
    const { ms, deadAttemptsMeanwhile } = await healthyArrival();
    expect(deadAttemptsMeanwhile).toBeGreaterThan(0); // the dead endpoint was being retried all along
    expect(ms).toBeLessThan(2_000);
  }, 120_000);

  it('an endpoint that accepts connections and never answers holds only its own slots, and its attempts time out', async () => {
    process.env.WEBHOOK_TIMEOUT_MS = '1000';
    resetEnv();
    const hang = await listen(() => {}); // accepts, never answers
    // The healthy receiver's endpoint is made anew after the hanging one's backlog, so none of it is its own.
    await exec('DELETE FROM "WebhookEndpoint" WHERE "url" = ?', [healthyUrl]);
    const hanging = await createEndpoint(scope.hostId, { url: hang.url });
    await eventsInDirectories('dir_hang', DIRECTORIES);
    await createEndpoint(scope.hostId, { url: healthyUrl });
    startWebhookWorker();
    await new Promise((r) => setTimeout(r, 300)); // the hanging endpoint's slots are taken
    const { ms } = await healthyArrival();
    expect(ms).toBeLessThan(2_000);
    await new Promise((r) => setTimeout(r, 1_500));
    const timedOut = await rowsOf('WebhookAttempt', '"deliveryId" IN (SELECT "id" FROM "WebhookDelivery" WHERE "endpointId" = ?)', [hanging.row.id]);
    expect(timedOut.length).toBeGreaterThan(0);
    expect(timedOut.length).toBeLessThanOrEqual(8 * 3); // never more than its 8 slots at once
    for (const a of timedOut) expect(a).toMatchObject({ statusCode: null, latencyMs: null, error: UNREACHABLE });
    stopWebhookWorker();
    await hang.close();
  }, 120_000);
});
