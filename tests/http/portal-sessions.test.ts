// Portal sessions are server-side records opened only by the link exchange: fetching a link uses nothing, only a
// same-origin JSON post trades it, and deleting the organization, the host's call or the portal's sign-out end
// a session at once (on PostgreSQL, in every app process).
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startApp } from '../setup/app-server';
import { createOperator, sessionOperator, signIn, signOut } from './dashboard-client';
import { api, targets } from './harness';
import { exchange, newLink, newOrganization, openSession } from './portal-session-client';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

describe.each(targets())('portal sessions ($name)', (t) => {
  it('opening a link without its page script (HEAD, an unfurler GET) leaves it usable', async () => {
    const link = await newLink(t, await newOrganization(t));
    for (const method of ['HEAD', 'GET', 'GET']) {
      const res = await fetch(link.url, { method, redirect: 'manual', headers: { 'User-Agent': 'Slackbot-LinkExpanding 1.0' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toContain('no-store');
    }
    expect((await exchange(t, link.token)).status).toBe(201);
  });

  it.each<{ what: string; headers: Record<string, string>; body: (l: string) => string }>([
    { what: 'a form post', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: (l: string) => `link=${l}` },
    { what: 'a text/plain post', headers: { 'Content-Type': 'text/plain' }, body: (l: string) => JSON.stringify({ link: l }) },
    {
      what: 'a cross-site fetch',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
      body: (l: string) => JSON.stringify({ link: l }),
    },
  ])('the exchange refuses $what (403) and the link stays usable', async ({ headers, body }) => {
    const link = await newLink(t, await newOrganization(t));
    const res = await exchange(t, link.token, headers, body(link.token));
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await exchange(t, link.token)).status).toBe(201);
  });

  it('a link trades once; used and forged links say why', async () => {
    const link = await newLink(t, await newOrganization(t));
    const first = await exchange(t, link.token);
    expect(first.status).toBe(201);
    const cookie = first.headers.get('set-cookie') ?? '';
    for (const attr of ['__Host-portal-session=scimp_ps_', 'HttpOnly', 'Secure', 'SameSite=None', 'Partitioned']) expect(cookie).toContain(attr);
    const again = await exchange(t, link.token);
    expect([again.status, (await again.json()).error.code]).toEqual([410, 'link_used']);
    const forged = await exchange(t, `scimp_pl_${'x'.repeat(43)}`);
    expect([forged.status, (await forged.json()).error.code]).toEqual([404, 'link_invalid']);
  });

  it('deleting the organization ends its portal sessions: 401, not a 500', async () => {
    const orgId = await newOrganization(t);
    const s = await openSession(t, orgId);
    expect((await s.call('GET', '/directories')).status).toBe(200);
    expect((await api(t, 'DELETE', `/organizations/${orgId}`)).status).toBe(204);
    expect((await s.call('GET', '/session')).status).toBe(401);
    expect((await s.call('POST', '/directories', { provider: 'okta' })).status).toBe(401);
  });

  it("the host ends an organization's portal sessions, and no other's", async () => {
    const [orgId, otherId] = [await newOrganization(t), await newOrganization(t)];
    const [a, b, other] = [await openSession(t, orgId), await openSession(t, orgId), await openSession(t, otherId)];
    expect((await api(t, 'DELETE', `/organizations/${orgId}/portal-sessions`)).status).toBe(204);
    expect((await a.call('GET', '/directories')).status).toBe(401);
    expect((await b.call('GET', '/directories')).status).toBe(401);
    expect((await other.call('GET', '/directories')).status).toBe(200);
    expect((await api(t, 'DELETE', `/organizations/org_nope/portal-sessions`)).status).toBe(404);
  });

  it('the portal signs out: DELETE /api/portal/session (with its CSRF value) ends it', async () => {
    const s = await openSession(t, await newOrganization(t));
    expect((await s.call('DELETE', '/session', undefined, { csrf: false })).status).toBe(403);
    const out = await s.call('DELETE', '/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await s.call('GET', '/session')).status).toBe(401);
  });

  it.runIf(t.name === 'postgres')('portal and dashboard sessions opened in one process work in another and end in both at once', async () => {
    const second = await startApp('postgres', t.databaseUrl);
    children.push(second.child);

    const email = `ops-${randomBytes(3).toString('hex')}@example.com`;
    const password = `two-process-${randomBytes(12).toString('base64url')}`;
    createOperator(t.databaseUrl, email, password);
    const { result, cookie } = await signIn(t, email, password);
    expect(result).toBe('ok');
    expect(await sessionOperator(second.target, cookie)).toBe(email);
    await signOut(second.target, cookie);
    expect(await sessionOperator(t, cookie)).toBeNull();

    const orgId = await newOrganization(t);
    const s = await openSession(t, orgId);
    const onSecond = (path: string) => fetch(`${second.target.baseUrl}/api/portal${path}`, { headers: { Authorization: `Bearer ${s.token}` } });
    expect((await onSecond('/directories')).status).toBe(200);
    expect((await api(second.target, 'DELETE', `/organizations/${orgId}/portal-sessions`)).status).toBe(204);
    expect((await s.call('GET', '/directories')).status).toBe(401);
    expect((await onSecond('/directories')).status).toBe(401);
  });
});
