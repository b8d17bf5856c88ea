// The pipeline around a write: the write inserts only its event (nothing per endpoint), the worker queues one
// delivery per subscribed endpoint under one subscription rule and one id format; an endpoint that keeps failing is
// disabled with an event for the host; pending work per endpoint has a bound (the oldest are dropped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { deliveryCounts } from '../../lib/webhooks/delivery-log';
import { DROPPED } from '../../lib/webhooks/delivery-store';
import { createEndpoint, findEndpoint, toApiEndpoint, updateEndpoint } from '../../lib/webhooks/endpoints';
import { resetEnv } from '../../lib/env';
import { runDeliveryPass, startWebhookWorker, stopWebhookWorker } from '../../lib/webhooks/worker';
import { read, write } from '../../lib/db/database';
import { writeEventsSql } from '../../lib/events/write-events';
import { deleteEndpoint } from '../../lib/webhooks/endpoints';
import { closedPortUrl, listen, type Receiver } from './receivers';
import { call, newDirectory, user } from './scim-helpers';
import { countOf, exec, firstOf, query, rowsOf } from './db-rows';

let scope: DirectoryScope;
let server: Receiver;
let url = '';
let status = 204;
const received: { type: string; data: Record<string, unknown> }[] = [];
let closedUrl = '';

beforeAll(async () => {
  scope = await newDirectory();
  server = await listen((body, res) => {
    if (status < 300) received.push(JSON.parse(body) as (typeof received)[number]);
    res.writeHead(status).end();
  });
  url = server.url;
  closedUrl = await closedPortUrl();
});
afterAll(() => server.close());

const HOUR = 3_600_000;
const at = (ms: number) => () => new Date(ms);

describe('writes pay nothing per endpoint', () => {
  it('a SCIM write with eight endpoints inserts its event only; the worker queues one delivery per subscriber', async () => {
    const all = [];
    for (let i = 0; i < 6; i++) all.push((await createEndpoint(scope.hostId, { url })).row);
    const groupsOnly = (await createEndpoint(scope.hostId, { url, events: ['directory.group.created'] })).row;
    const off = (await createEndpoint(scope.hostId, { url })).row;
    await updateEndpoint({ hostId: scope.hostId, id: off.id }, { enabled: false });
    const positions = await query('SELECT "id", "position" FROM "WebhookEndpoint" ORDER BY "id"');

    const u = await call(scope, 'POST', 'Users', user('fanout@example.com'));
    expect(u.status).toBe(201);
    expect(await countOf('WebhookDelivery')).toBe(0);
    expect(await query('SELECT "id", "position" FROM "WebhookEndpoint" ORDER BY "id"')).toEqual(positions);

    await runDeliveryPass();
    const deliveries = await rowsOf('WebhookDelivery');
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual(all.map((e) => e.id).sort());
    for (const d of deliveries) expect(d.id).toMatch(/^dlv_[0-9A-Za-z]{20}$/);
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    expect(deliveries.some((d) => d.endpointId === groupsOnly.id || d.endpointId === off.id)).toBe(false);
    await exec('DELETE FROM "WebhookEndpoint" WHERE "hostId" = ?', [scope.hostId]);
  });
});

describe('an endpoint that keeps failing is disabled', () => {
  it('never delivered to: disabled after WEBHOOK_DISABLE_NEW_AFTER_HOURS, with a webhook_endpoint.disabled event', async () => {
    const witness = (await createEndpoint(scope.hostId, { url, events: ['webhook_endpoint.disabled'] })).row;
    const dead = (await createEndpoint(scope.hostId, { url: closedUrl, events: ['directory.user.created'] })).row;
    await call(scope, 'POST', 'Users', user('never@example.com'));
    const t0 = Date.now();
    await runDeliveryPass(at(t0));
    let row = await findEndpoint({ hostId: scope.hostId, id: dead.id });
    expect(row).toMatchObject({ enabled: true, disabledReason: null });
    expect(row?.failingSince?.getTime()).toBe(t0);
    await runDeliveryPass(at(t0 + 23 * HOUR));
    expect((await findEndpoint({ hostId: scope.hostId, id: dead.id }))?.enabled).toBe(true);
    await runDeliveryPass(at(t0 + 24 * HOUR + 1));
    row = await findEndpoint({ hostId: scope.hostId, id: dead.id });
    expect(row).toMatchObject({ enabled: false, disabledReason: 'never_delivered' });
    expect(toApiEndpoint(row!)).toMatchObject({ enabled: false, disabledReason: 'never_delivered', disabledAt: new Date(t0 + 24 * HOUR + 1).toISOString() });
    const ev = await firstOf('Event', '"type" = ?', ['webhook_endpoint.disabled']);
    expect(ev).toMatchObject({ hostId: scope.hostId, organizationId: null, directoryId: null });
    expect(JSON.parse(ev.data)).toMatchObject({ id: dead.id, disabledReason: 'never_delivered' });
    received.length = 0;
    await runDeliveryPass();
    expect(received.map((r) => [r.type, r.data.id])).toEqual([['webhook_endpoint.disabled', dead.id]]);

    // Re-enabled: no failure history, and only events from now on.
    const back = await updateEndpoint({ hostId: scope.hostId, id: dead.id }, { enabled: true });
    expect(back).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, failingSince: null });
    expect((await firstOf('WebhookEndpoint', '"id" = ?', [dead.id])).position).toBe(Number((await query('SELECT max("seq") AS "seq" FROM "Event"'))[0].seq));
    await exec('DELETE FROM "WebhookEndpoint" WHERE "id" IN (?, ?)', [dead.id, witness.id]);
  });

  it('one that had worked: disabled only once every attempt has failed for WEBHOOK_DISABLE_AFTER_HOURS', async () => {
    const ep = (await createEndpoint(scope.hostId, { url })).row;
    await call(scope, 'POST', 'Users', user('worked@example.com'));
    await runDeliveryPass();
    status = 500;
    await call(scope, 'POST', 'Users', user('then.failed@example.com'));
    const t0 = Date.now();
    await runDeliveryPass(at(t0));
    await runDeliveryPass(at(t0 + 25 * HOUR));
    expect((await findEndpoint({ hostId: scope.hostId, id: ep.id }))?.enabled).toBe(true);
    await runDeliveryPass(at(t0 + 72 * HOUR));
    expect(await findEndpoint({ hostId: scope.hostId, id: ep.id })).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const log = await rowsOf('WebhookAttempt', '"deliveryId" IN (SELECT "id" FROM "WebhookDelivery" WHERE "endpointId" = ?)', [ep.id], 'ORDER BY "createdAt"');
    expect(log.at(-1)).toMatchObject({ statusCode: 500, error: 'HTTP 500' });
    status = 204;
    await exec('DELETE FROM "WebhookEndpoint" WHERE "id" = ?', [ep.id]);
  });
});

describe('pending work has a bound', () => {
  it('past WEBHOOK_MAX_PENDING the oldest pending deliveries are dropped, visibly', async () => {
    process.env.WEBHOOK_MAX_PENDING = '5';
    resetEnv();
    try {
      const ep = (await createEndpoint(scope.hostId, { url: closedUrl, events: ['directory.user.created'] })).row;
      for (let i = 0; i < 8; i++) await call(scope, 'POST', 'Users', user(`backlog${i}@example.com`));
      await runDeliveryPass();
      const rows = await rowsOf('WebhookDelivery', '"endpointId" = ?', [ep.id], 'ORDER BY "eventSeq"');
      expect(rows.map((r) => r.status)).toEqual(['dropped', 'dropped', 'dropped', 'pending', 'pending', 'pending', 'pending', 'pending']);
      expect(rows[0].lastError).toBe(DROPPED);
      expect(await read(() => deliveryCounts(ep.id))).toEqual({ pending: 5, dropped: 3 });
    } finally {
      delete process.env.WEBHOOK_MAX_PENDING;
      resetEnv();
    }
  });
});

describe('deleting an endpoint while its lanes are being sent', () => {
  it('succeeds at once, every time, and leaves nothing of it behind', async () => {
    let got = 0;
    const slow = await listen((_, res) => (got++, setTimeout(() => res.writeHead(204).end(), 100)));
    try {
      startWebhookWorker();
      for (let round = 0; round < 3; round++) {
        const ep = (await createEndpoint(scope.hostId, { url: slow.url })).row;
        await write(function* (env) {
          for (let i = 0; i < 40; i++)
            yield* writeEventsSql(env, { ...scope, directoryId: `dir_del_${round}_${i}` }, [{ type: 'directory.user.created', data: { id: `u${i}` } }]);
        });
        const before = got;
        while (got < before + 4) await new Promise((r) => setTimeout(r, 5));
        expect(await deleteEndpoint({ hostId: scope.hostId, id: ep.id })).toBe(true);
        await new Promise((r) => setTimeout(r, 250)); // the lanes in flight finish and find it gone
        expect(await countOf('WebhookLane', '"endpointId" = ?', [ep.id])).toBe(0);
        expect(await countOf('WebhookDelivery', '"endpointId" = ?', [ep.id])).toBe(0);
      }
    } finally {
      stopWebhookWorker();
      await slow.close();
    }
  });
});
