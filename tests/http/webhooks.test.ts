// Webhook endpoints through the built app's host API, on SQLite and PostgreSQL, with private targets off (the
// default): every form of finding 2 is refused with a 400 that names no cause, and a loopback listener on the
// port they name receives nothing; an endpoint's disabled state and backlog are readable; the events feed refuses
// the old, readable cursor format with 410 cursor_expired and hands out opaque ones.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newDirectory, scim, targets } from './harness';
import { PRIVATE_TARGET_HOSTS } from '../../e2e/fixtures/private-targets';

let server: http.Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe.each(targets())('webhook endpoints against $name', (t) => {
  it.each(PRIVATE_TARGET_HOSTS)('refuses http://%s:PORT/ with a 400, and nothing reaches the listener', async (host) => {
    const r = await api(t, 'POST', '/webhook-endpoints', { url: `http://${host}:${port}/hook` });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.message).toContain('public addresses only');
    expect(hits).toBe(0);
  });

  it('an endpoint shows its state and backlog; PATCH disables it by hand and re-enables it', async () => {
    const created = await (await api(t, 'POST', '/webhook-endpoints', { url: 'https://93.184.216.34/hooks', events: ['directory.group.created'] })).json();
    expect(created).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, failingSince: null });
    const read = await (await api(t, 'GET', `/webhook-endpoints/${created.id}`)).json();
    expect(read.deliveries).toEqual({ pending: 0, dropped: 0 });
    const off = await (await api(t, 'PATCH', `/webhook-endpoints/${created.id}`, { enabled: false })).json();
    expect(off).toMatchObject({ enabled: false, disabledReason: 'manual' });
    expect(typeof off.disabledAt).toBe('string');
    const on = await (await api(t, 'PATCH', `/webhook-endpoints/${created.id}`, { enabled: true })).json();
    expect(on).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });
    expect((await api(t, 'DELETE', `/webhook-endpoints/${created.id}`)).status).toBe(204);
  });

  it('events: opaque cursors; the old readable format answers 410 cursor_expired, garbage 400', async () => {
    const dir = await newDirectory(t);
    await scim(dir, 'POST', '/Users', { body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `cursor.${Date.now()}@example.com` } });
    const page = await (await api(t, 'GET', '/events?limit=500')).json();
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const legacy = await api(t, 'GET', `/events?after=${Buffer.from('e:1').toString('base64url')}`);
    expect(legacy.status).toBe(410);
    expect(((await legacy.json()) as { error: { code: string } }).error.code).toBe('cursor_expired');
    expect((await api(t, 'GET', '/events?after=not-a-cursor')).status).toBe(400);
    const spec = await (await fetch(`${t.baseUrl}/api/v1/openapi.json`)).json();
    expect(JSON.stringify(spec)).toContain('webhook_endpoint.disabled');
  });
});
