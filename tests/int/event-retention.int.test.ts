// Events are purged after EVENT_RETENTION_DAYS with their deliveries and attempts; a feed cursor that lost events
// to it answers 410 cursor_expired, one that lost none goes on. Cursors (feed and delivery log) are opaque and
// bound to their host: they show no sequence number, and another host's cursor, a forged one or one of the old
// `e:<seq>` format is refused. Events of huge resources stay within EVENT_MAX_BYTES.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { getEvents } from '../../lib/host-api/events-api';
import { getDeliveries } from '../../lib/host-api/webhooks-api';
import type { ApiContext } from '../../lib/host-api/with-api-key';
import { toApiError } from '../../lib/host-api/api-error';
import { applyRetention } from '../../lib/maintenance/retention';
import { createEndpoint } from '../../lib/webhooks/endpoints';
import { runDeliveryPass } from '../../lib/webhooks/worker';
import { listen, type Receiver } from './receivers';
import { call, newDirectory, user } from './scim-helpers';
import { countOf, exec, firstOf, insertRows, query, rowsOf } from './db-rows';
import { write } from '../../lib/db/database';
import { createHost } from '../../lib/hosts/hosts';

let scope: DirectoryScope;
let server: Receiver;
let url = '';

beforeAll(async () => {
  scope = await newDirectory();
  server = await listen((_, res) => res.writeHead(204).end());
  url = server.url;
});
afterAll(() => server.close());

async function api(handler: (c: ApiContext) => Promise<Response>, hostId: string, path: string, params: Record<string, string> = {}) {
  const ctx = { hostId, keyId: 'key_test', params, url: new URL(`http://x${path}`) } as ApiContext;
  const res = await handler(ctx).catch((e) => {
    const a = toApiError(e);
    return Response.json({ error: { code: a.code } }, { status: a.status });
  });
  return { status: res.status, body: (await res.json()) as { data: { id: string }[]; nextCursor: string | null; error?: { code: string } } };
}

describe('event retention and cursors', () => {
  it('purges old events with their deliveries; a cursor that lost events gets 410, one that lost none goes on', async () => {
    const ep = (await createEndpoint(scope.hostId, { url })).row;
    for (let i = 0; i < 5; i++) await call(scope, 'POST', 'Users', user(`kept${i}@example.com`));
    await runDeliveryPass();
    const events = await rowsOf('Event', '"hostId" = ?', [scope.hostId], 'ORDER BY "seq"');
    expect(events).toHaveLength(5);
    const cursors: string[] = [];
    let after = '';
    for (let i = 0; i < 5; i++) {
      const page = await api(getEvents, scope.hostId, `/api/v1/events?limit=1${after ? `&after=${after}` : ''}`);
      expect(page.body.data.map((e) => e.id)).toEqual([events[i].id]);
      cursors.push((after = page.body.nextCursor!));
    }
    // The first three are 31 days old.
    const old = new Date(Date.now() - 31 * 86_400_000);
    await exec('UPDATE "Event" SET "createdAt" = ? WHERE "seq" <= ?', [old, events[2].seq]);
    const result = await applyRetention();
    expect(result.events).toBe(3);
    expect((await rowsOf('Event', '"hostId" = ?', [scope.hostId], 'ORDER BY "seq"')).map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
    const left = await rowsOf('WebhookDelivery', '"endpointId" = ?', [ep.id]);
    expect(left.map((d) => d.eventId).sort()).toEqual(
      events
        .slice(3)
        .map((e) => e.id)
        .sort(),
    );
    expect(
      await countOf(
        'WebhookAttempt',
        '"deliveryId" IN (SELECT "id" FROM "WebhookDelivery" WHERE "eventId" IN (?, ?, ?))',
        events.slice(0, 3).map((e) => e.id),
      ),
    ).toBe(0);
    expect(await countOf('WebhookAttempt')).toBe(2);

    for (const c of [cursors[0], cursors[1]])
      expect(await api(getEvents, scope.hostId, `/api/v1/events?after=${c}`)).toMatchObject({ status: 410, body: { error: { code: 'cursor_expired' } } });
    const on = await api(getEvents, scope.hostId, `/api/v1/events?after=${cursors[2]}`);
    expect(on.body.data.map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
    // A host whose last seen event was purged, with nothing after it lost, is not told it lost anything.
    await exec('UPDATE "Event" SET "createdAt" = ? WHERE "seq" <= ?', [old, events[4].seq]);
    await applyRetention();
    expect(await api(getEvents, scope.hostId, `/api/v1/events?after=${cursors[4]}`)).toMatchObject({ status: 200, body: { data: [], nextCursor: cursors[4] } });
  });

  it('cursors show no sequence number and work for their own host only', async () => {
    const other = await write((env) => createHost(env, { id: 'hst_other_for_cursors', name: 'Other' }));
    const seq = Number((await query('SELECT max("seq") AS "seq" FROM "Event"'))[0]?.seq ?? 0);
    await call(scope, 'POST', 'Users', user('cursor.a@example.com'));
    const page = await api(getEvents, scope.hostId, `/api/v1/events?after=`);
    const cursor = page.body.nextCursor!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const decoded = Buffer.from(cursor, 'base64url');
    // Not the old `e:<seq>` form nor the number in plain bytes. (Not any occurrence of its digits: one digit turns up
    // in 16 random bytes about 6% of the time.)
    const text = decoded.toString('latin1');
    expect(text).not.toContain(`:${seq + 1}`);
    const be = Buffer.alloc(4);
    be.writeUInt32BE(seq + 1);
    expect(decoded.includes(be)).toBe(false);
    expect(decoded.includes(Buffer.from([0, 0, 0, 0]))).toBe(false); // not a plain big-endian number
    expect(await api(getEvents, other.id, `/api/v1/events?after=${cursor}`)).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    const flipped = Buffer.from(cursor, 'base64url');
    flipped[3] ^= 1;
    expect((await api(getEvents, scope.hostId, `/api/v1/events?after=${flipped.toString('base64url')}`)).status).toBe(400);
    // The old format told the seq and could be forged to probe it: answered as expired, never followed.
    const legacy = Buffer.from(`e:${seq}`).toString('base64url');
    expect(await api(getEvents, scope.hostId, `/api/v1/events?after=${legacy}`)).toMatchObject({ status: 410, body: { error: { code: 'cursor_expired' } } });
    // Same position, same cursor, whatever other hosts do meanwhile.
    await insertRows('Event', [{ id: 'evt_other_host_1', hostId: other.id, organizationId: null, type: 'directory.enabled', data: '{}' }]);
    expect((await api(getEvents, scope.hostId, `/api/v1/events?after=`)).body.nextCursor).toBe(cursor);
  });

  it('the delivery log pages with opaque cursors of its own kind', async () => {
    const ep = (await createEndpoint(scope.hostId, { url })).row;
    for (let i = 0; i < 3; i++) await call(scope, 'POST', 'Users', user(`log${i}@example.com`));
    await runDeliveryPass();
    const first = await api(getDeliveries, scope.hostId, `/x?limit=2`, { endpointId: ep.id });
    expect(first.body.data).toHaveLength(2);
    const next = first.body.nextCursor!;
    expect(next).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect((await api(getDeliveries, scope.hostId, `/x?limit=2&cursor=${next}`, { endpointId: ep.id })).body.data).toHaveLength(1);
    expect((await api(getEvents, scope.hostId, `/api/v1/events?after=${next}`)).status).toBe(400);
  });

  it('an event of a huge resource leaves its raw attributes out, marked, within EVENT_MAX_BYTES', async () => {
    // About 60 KB in four strings, each within SCIM_MAX_STRING_LENGTH and all within SCIM_MAX_RESOURCE_BYTES.
    const big = 'x'.repeat(15_000);
    const u = await call(scope, 'POST', 'Users', user('huge@example.com', { title: big, nickName: big, notesA: big, notesB: big }));
    expect(u.status).toBe(201);
    await call(scope, 'PATCH', `Users/${u.body.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'title', value: `${big}y` }],
    });
    const rows = await rowsOf(
      'Event',
      `"directoryId" = ? AND "type" IN ('directory.user.created', 'directory.user.updated')`,
      [scope.directoryId],
      'ORDER BY "seq" DESC LIMIT 2',
    );
    for (const e of rows) {
      expect(e.data.length + (e.previousAttributes?.length ?? 0)).toBeLessThanOrEqual(32_768);
      const data = JSON.parse(e.data) as Record<string, unknown>;
      expect(data).toMatchObject({ id: u.body.id, userName: 'huge@example.com', attributesOmitted: true });
      expect(data.attributes).toBeUndefined();
    }
    const small = await call(scope, 'POST', 'Users', user('small@example.com', { title: 'Engineer' }));
    const ev = await firstOf('Event', '"type" = ?', ['directory.user.created'], 'ORDER BY "seq" DESC');
    expect(JSON.parse(ev.data)).toMatchObject({ id: small.body.id, attributes: { title: 'Engineer' } });
  });
});
