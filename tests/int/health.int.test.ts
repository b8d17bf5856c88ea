// Directory health (lib/health): a routine 409 leaves a directory connected, repeated requests without a valid
// token make it degraded, a run of refused requests too, silence past Entra's cycle makes it silent; each change
// is stored and emitted once as directory.health.changed, and the first authenticated request as
// directory.connected. Requests go through the SCIM boundary (serveScim) and its batched request log.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import { createDirectory } from '../../lib/directory/directories';
import type { DirectoryScope } from '../../lib/events/event-types';
import { checkDirectoryHealth } from '../../lib/health/health-check';
import { defaultHost } from '../../lib/hosts/hosts';
import { createOrganization } from '../../lib/organizations/organizations';
import { CLIENT_ADDRESS_HEADER } from '../../lib/rate-limit/client-address';
import { flushRequestLog } from '../../lib/scim/request-log';
import { serveScim } from '../../lib/scim/serve-scim';
import { firstOf, rowsOf } from './db-rows';

process.env.RATE_LIMITS = 'off';

async function newDirectory(provider: 'entra' | 'okta'): Promise<DirectoryScope & { token: string }> {
  const { host, org } = await write(function* (env) {
    const host = yield* defaultHost(env);
    return { host, org: yield* createOrganization(env, { hostId: host.id, name: `Health ${randomBytes(3).toString('hex')}` }) };
  });
  const { directory, token } = await write((env) => createDirectory(env, { organizationId: org.id, provider }));
  return { hostId: host.id, organizationId: org.id, directoryId: directory.id, token: token.token };
}

async function send(d: { directoryId: string; token: string }, method: string, path: string, body?: unknown, token = d.token) {
  const url = new URL(`http://x/${path}`);
  const text = body === undefined ? null : JSON.stringify(body);
  const res = await serveScim({
    method,
    directoryId: d.directoryId,
    path: url.pathname.split('/').filter(Boolean),
    query: url.searchParams,
    headers: { authorization: `Bearer ${token}`, [CLIENT_ADDRESS_HEADER]: '192.0.2.10', 'content-type': 'application/scim+json' },
    body: text,
    bodyBytes: text === null ? 0 : Buffer.byteLength(text),
  });
  return res.status;
}

/** The health check as the job runs it, after the request log's batch is written. */
async function check(now = new Date()): Promise<void> {
  await flushRequestLog();
  await checkDirectoryHealth({ since: new Date(now.getTime() - 60_000), now });
}

async function healthEvents(directoryId: string) {
  const rows = await rowsOf('Event', `"directoryId" = ? AND "type" IN ('directory.health.changed', 'directory.connected')`, [directoryId], 'ORDER BY "seq"');
  return rows.map((r) => (r.type === 'directory.connected' ? 'connected' : `${JSON.parse(r.previousAttributes!).health}→${JSON.parse(r.data).health}`));
}

const stored = async (id: string) => {
  const { health, healthReason } = await firstOf('Directory', '"id" = ?', [id]);
  return { health, healthReason };
};
const tick = () => new Promise((r) => setTimeout(r, 5));
const alice = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `alice-${randomBytes(3).toString('hex')}@example.com`, active: true };

describe('directory health', () => {
  let d: DirectoryScope & { token: string };
  beforeAll(async () => {
    d = await newDirectory('entra');
  });

  it('waits until the first authenticated request, then is connected: directory.connected and one health change', async () => {
    await check();
    expect(await stored(d.directoryId)).toEqual({ health: 'waiting', healthReason: null });
    expect(await send(d, 'GET', `Users?filter=${encodeURIComponent('userName eq "nobody"')}`)).toBe(200);
    await check();
    await check();
    expect(await stored(d.directoryId)).toEqual({ health: 'connected', healthReason: null });
    expect(await healthEvents(d.directoryId)).toEqual(['connected', 'waiting→connected']);
  });

  it('a 409 (a user that already exists, which Okta links) leaves it connected, with no event', async () => {
    expect(await send(d, 'POST', 'Users', alice)).toBe(201);
    expect(await send(d, 'POST', 'Users', alice)).toBe(409);
    await check();
    expect(await stored(d.directoryId)).toEqual({ health: 'connected', healthReason: null });
    expect(await healthEvents(d.directoryId)).toHaveLength(2);
  });

  it('one request without a valid token is a warning; three in a row make it degraded, once; a good one heals it', async () => {
    await tick();
    expect(await send(d, 'GET', 'Users', undefined, 'scimp_tok_wrong')).toBe(401);
    await check();
    expect((await stored(d.directoryId)).health).toBe('connected');
    expect(await send(d, 'GET', 'Users', undefined, 'scimp_tok_wrong')).toBe(401);
    expect(await send(d, 'GET', 'Groups', undefined, 'scimp_tok_wrong')).toBe(401);
    await check();
    await check();
    expect(await stored(d.directoryId)).toEqual({ health: 'degraded', healthReason: 'auth_failures' });
    expect((await healthEvents(d.directoryId)).slice(2)).toEqual(['connected→degraded']);

    await tick();
    expect(await send(d, 'GET', 'Users')).toBe(200);
    await check();
    expect((await stored(d.directoryId)).health).toBe('connected');
    expect((await healthEvents(d.directoryId)).slice(2)).toEqual(['connected→degraded', 'degraded→connected']);
  });

  it('a refused request before an accepted one in the same batch is not "since the IdP got in"', async () => {
    const fresh = await newDirectory('okta');
    expect(await send(fresh, 'GET', 'Users')).toBe(200);
    await check();
    await tick();
    expect(await send(fresh, 'GET', 'Users', undefined, 'scimp_tok_wrong')).toBe(401);
    await tick();
    expect(await send(fresh, 'GET', 'Users')).toBe(200);
    await tick();
    for (let i = 0; i < 2; i++) expect(await send(fresh, 'GET', 'Users', undefined, 'scimp_tok_wrong')).toBe(401);
    await check();
    expect((await stored(fresh.directoryId)).health).toBe('connected');
    expect(await send(fresh, 'GET', 'Users', undefined, 'scimp_tok_wrong')).toBe(401);
    await check();
    expect(await stored(fresh.directoryId)).toEqual({ health: 'degraded', healthReason: 'auth_failures' });
  });

  it('a run of three refused requests makes it degraded; one routine 404 does not', async () => {
    expect(await send(d, 'GET', 'Users/usr_doesnotexist00000000')).toBe(404);
    await check();
    expect((await stored(d.directoryId)).health).toBe('connected');
    for (let i = 0; i < 3; i++) expect(await send(d, 'GET', `Users?filter=${encodeURIComponent('bogus filter (')}`)).toBe(400);
    await check();
    expect(await stored(d.directoryId)).toEqual({ health: 'degraded', healthReason: 'errors' });
    expect(await send(d, 'GET', 'Users')).toBe(200);
    await check();
    expect((await stored(d.directoryId)).health).toBe('connected');
    expect((await healthEvents(d.directoryId)).slice(4)).toEqual(['connected→degraded', 'degraded→connected']);
  });

  it("silence past Entra's 40-minute cycle (and 20 minutes' grace) makes it silent, once; Okta, which pushes on change, never is", async () => {
    const okta = await newDirectory('okta');
    expect(await send(okta, 'GET', 'Users')).toBe(200);
    await check();
    const later = (min: number) => new Date(Date.now() + min * 60_000);
    await check(later(59));
    expect((await stored(d.directoryId)).health).toBe('connected');
    await check(later(61));
    await check(later(62));
    expect(await stored(d.directoryId)).toEqual({ health: 'silent', healthReason: 'no_requests' });
    expect((await healthEvents(d.directoryId)).slice(6)).toEqual(['connected→silent']);
    await check(later(600));
    expect((await stored(okta.directoryId)).health).toBe('connected');
    expect(await healthEvents(okta.directoryId)).toEqual(['connected', 'waiting→connected']);

    expect(await send(d, 'GET', 'Users')).toBe(200);
    await check();
    expect((await healthEvents(d.directoryId)).slice(6)).toEqual(['connected→silent', 'silent→connected']);
  });

  it('the event carries the directory and the new and previous health', async () => {
    const row = await firstOf('Event', '"directoryId" = ? AND "type" = ?', [d.directoryId, 'directory.health.changed'], 'ORDER BY "seq" DESC');
    expect(JSON.parse(row.data)).toMatchObject({
      id: d.directoryId,
      organizationId: d.organizationId,
      provider: 'entra',
      health: 'connected',
      previousHealth: 'silent',
      reason: null,
    });
    expect(row.organizationId).toBe(d.organizationId);
  });
});
