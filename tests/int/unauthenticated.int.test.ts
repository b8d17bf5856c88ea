// Requests without a valid token for a directory (finding 6) are counted on it, never written to its request log: no
// token, a wrong, revoked or expired one, another directory's. The host API and the portal's status show the count.
// Failures from one address past RATE_LIMIT_AUTH_FAILURES_PER_MINUTE are 429, while a valid token from that address
// is still served.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as portalStatus } from '../../app/api/portal/directories/[directoryId]/status/route';
import { GET as apiDirectory } from '../../app/api/v1/directories/[dirId]/route';
import { write } from '../../lib/db/database';
import { createDirectoryToken, revokeDirectoryToken } from '../../lib/directory/tokens';
import type { DirectoryScope } from '../../lib/events/event-types';
import { createApiKey } from '../../lib/host-api/api-keys';
import { openPortalSession } from '../../lib/portal/portal-session';
import { CLIENT_ADDRESS_HEADER } from '../../lib/rate-limit/client-address';
import { flushRequestLog } from '../../lib/scim/request-log';
import { serveScim } from '../../lib/scim/serve-scim';
import { newDirectory } from './scim-helpers';
import { countOf, exec, firstOf } from './db-rows';

process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('hex');
// 10 failures per 10-second window; the other limits out of the way.
delete process.env.RATE_LIMITS;
process.env.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE = '60';
process.env.RATE_LIMIT_IP_PER_MINUTE = '1000000';
process.env.RATE_LIMIT_SCIM_PER_MINUTE = '1000000';

let a: DirectoryScope;
let b: DirectoryScope;
let tokenA: string;
let tokenB: { id: string; token: string };

function send(directoryId: string, authorization: string | undefined, ip = '192.0.2.1', method = 'GET', body: string | null = null) {
  return serveScim({
    method,
    directoryId,
    path: ['Users'],
    query: new URLSearchParams('filter=userName eq "attacker text"'),
    headers: { ...(authorization === undefined ? {} : { authorization }), [CLIENT_ADDRESS_HEADER]: ip },
    body,
    bodyBytes: body === null ? 0 : Buffer.byteLength(body),
  });
}

/** Waits for the start of a fresh 10-second window, so a burst can't straddle two. */
async function freshWindow(): Promise<void> {
  const left = 10_000 - (Date.now() % 10_000);
  if (left < 6_000) await new Promise((r) => setTimeout(r, left + 50));
}

const directoryRow = (id: string) => firstOf('Directory', '"id" = ?', [id]);

beforeAll(async () => {
  a = await newDirectory();
  b = await newDirectory();
  tokenA = (await write((env) => createDirectoryToken(env, { directoryId: a.directoryId }))).token;
  tokenB = await write((env) => createDirectoryToken(env, { directoryId: b.directoryId }));
});

describe('requests without a valid token', () => {
  it('are counted on the directory in the URL, never logged, and touch no other directory or token', async () => {
    const revoked = await write((env) => createDirectoryToken(env, { directoryId: a.directoryId }));
    await write((env) => revokeDirectoryToken(env, { directoryId: a.directoryId, tokenId: revoked.id }));
    const expired = await write((env) => createDirectoryToken(env, { directoryId: a.directoryId, expiresInDays: 1 }));
    await exec('UPDATE "DirectoryToken" SET "expiresAt" = ? WHERE "id" = ?', [new Date(Date.now() - 1000), expired.id]);
    const attempts: (string | undefined)[] = [
      undefined,
      'Basic dXNlcjpwYXNz',
      'Bearer not-a-token',
      `Bearer ${tokenA.slice(0, -1)}${tokenA.endsWith('x') ? 'y' : 'x'}`, // its last character changed
      `Bearer ${revoked.token}`,
      `Bearer ${expired.token}`,
      `Bearer ${tokenB.token}`, // valid, for another directory
    ];
    const before = await directoryRow(a.directoryId);
    for (const [i, auth] of attempts.entries()) {
      const r = await send(a.directoryId, auth, `198.51.100.${i}`, 'POST', JSON.stringify({ userName: 'attacker text' }));
      expect(r.status, String(auth)).toBe(401);
      expect(r.headers['WWW-Authenticate']).toBe('Bearer realm="scim"');
    }
    await flushRequestLog();
    const after = await directoryRow(a.directoryId);
    expect(after.unauthenticatedRequests - before.unauthenticatedRequests).toBe(attempts.length);
    expect(after.lastUnauthenticatedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await countOf('ScimRequestLog', '"directoryId" = ?', [a.directoryId])).toBe(0);
    // Directory B's token was presented at A: B is not counted, and the token is not marked as used.
    const rowB = await directoryRow(b.directoryId);
    expect(rowB.unauthenticatedRequests).toBe(0);
    expect((await firstOf('DirectoryToken', '"id" = ?', [tokenB.id])).lastUsedAt).toBeNull();
  });

  it('to an id that names no directory are neither logged nor counted anywhere, and answered alike', async () => {
    const r = await send('dir_doesnotexist000000', undefined, '198.51.100.99');
    expect(r.status).toBe(401);
    await flushRequestLog();
    expect(await countOf('ScimRequestLog', '"directoryId" = ?', ['dir_doesnotexist000000'])).toBe(0);
  });

  it('are shown to the host (API) and in the portal status (degraded); an accepted request afterwards makes it connected', async () => {
    const key = (await write((env) => createApiKey(env, { name: 'unauth', hostId: a.hostId }))).key;
    const api = await apiDirectory(new Request(`http://x/api/v1/directories/${a.directoryId}`, { headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ dirId: a.directoryId }),
    });
    const body = await api.json();
    expect(body).toMatchObject({ unauthenticatedRequests: 7, lastUnauthenticatedAt: expect.any(String) });

    const status = async () => {
      const session = await write((env) => openPortalSession(env, { organizationId: a.organizationId, hostId: a.hostId, features: ['scim'], returnUrl: null }));
      const res = await portalStatus(
        new Request(`http://x/api/portal/directories/${a.directoryId}/status`, { headers: { authorization: `Bearer ${session.token}` } }),
        {
          params: Promise.resolve({ directoryId: a.directoryId }),
        },
      );
      return (await res.json()).connection;
    };
    const failing = await status();
    expect(failing).toMatchObject({ state: 'degraded', reason: 'auth_failures', unauthenticated: { count: 7, sinceLastAccepted: 7 } });
    expect(JSON.stringify(failing)).not.toContain('attacker text');

    await new Promise((r) => setTimeout(r, 5)); // the accepted request comes strictly later
    expect((await send(a.directoryId, `Bearer ${tokenA}`, '198.51.100.50')).status).toBe(200);
    await flushRequestLog();
    expect(await status()).toMatchObject({ state: 'connected', unauthenticated: { count: 7, sinceLastAccepted: 0 } });

    // An accepted request, then refused ones, written in the same batch (the e2e token-revoke flow): one is a
    // warning, three in a row make the connection degraded.
    expect((await send(a.directoryId, `Bearer ${tokenA}`, '198.51.100.50')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    expect((await send(a.directoryId, 'Bearer revoked-meanwhile', '198.51.100.51')).status).toBe(401);
    await flushRequestLog();
    expect(await status()).toMatchObject({ state: 'connected', unauthenticated: { count: 8, sinceLastAccepted: 1 } });
    for (let i = 0; i < 2; i++) expect((await send(a.directoryId, 'Bearer revoked-meanwhile', '198.51.100.51')).status).toBe(401);
    await flushRequestLog();
    expect(await status()).toMatchObject({ state: 'degraded', reason: 'auth_failures', unauthenticated: { count: 10, sinceLastAccepted: 3 } });
  });
});

describe('failed authentications per address (RATE_LIMIT_AUTH_FAILURES_PER_MINUTE = 60: 10 per 10 s)', () => {
  it('answers 429 with Retry-After past the limit, still counting; a valid token from that address is served', async () => {
    await freshWindow();
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 14; i++) {
      last = await send(a.directoryId, 'Bearer wrong', ip);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(4).fill(429));
    expect(Number(last!.headers['Retry-After'])).toBeGreaterThan(0);
    expect(Number(last!.headers['Retry-After'])).toBeLessThanOrEqual(10);
    expect(last!.body).toMatchObject({ status: '429', detail: expect.stringContaining('without a valid token') });
    // The IdP's rotated token arrives from the same address: served at once.
    expect((await send(a.directoryId, `Bearer ${tokenA}`, ip)).status).toBe(200);
    // Another address is not held back by this one's failures.
    expect((await send(a.directoryId, 'Bearer wrong', '203.0.113.8')).status).toBe(401);
  });

  it('counts an IPv6 client by its /64', async () => {
    await freshWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await send(a.directoryId, undefined, `2001:db8:7:7::${(i + 1).toString(16)}`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect((await send(a.directoryId, undefined, '2001:db8:7:8::1')).status).toBe(401);
  });
});
