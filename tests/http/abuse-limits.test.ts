// The limits an anonymous client or one portal session runs into, on an app with rate limits on (the shared http
// apps run with them off): portal writes per session and per organization (429 + Retry-After), and operator
// sign-in throttled per (email, address) and per address with a growing wait that never locks out anyone else.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqliteUrl, startApp, type AppTarget } from '../setup/app-server';
import { createOperator, signIn as signInOver } from './dashboard-client';
import { newOrganization, openSession } from './portal-session-client';

let app: AppTarget;
let child: ChildProcess;
const email = `ops-${randomBytes(3).toString('hex')}@example.com`;
const password = `throttle-${randomBytes(12).toString('base64url')}`;

beforeAll(async () => {
  ({ target: app, child } = await startApp('sqlite', freshSqliteUrl('limits'), {
    RATE_LIMITS: 'on',
    // Client addresses from X-Forwarded-For, so one test can be several clients.
    TRUST_PROXY: 'true',
    RATE_LIMIT_PORTAL_SESSION_WRITES_PER_MINUTE: '4',
    RATE_LIMIT_PORTAL_ORG_WRITES_PER_MINUTE: '6',
  }));
  createOperator(app.databaseUrl, email, password);
});
afterAll(() => child?.kill('SIGTERM'));

describe('portal writes', () => {
  it('are limited per session, then per organization, with Retry-After', async () => {
    // The limits count in one-minute windows: start well inside one.
    while (Date.now() % 60_000 > 45_000) await new Promise((r) => setTimeout(r, 1_000));
    const orgId = await newOrganization(app);
    const first = await openSession(app, orgId);
    const dir = (await (await first.call('POST', '/directories', { provider: 'okta' })).json()) as { directory: { id: string } };
    const write = (s: typeof first) => s.call('PATCH', `/directories/${dir.directory.id}`, { status: 'enabled' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await write(first)).status);
    expect(statuses).toEqual([200, 200, 200, 429]); // the POST above was the first of 4
    const limited = await write(first);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // Reads are not writes.
    expect((await first.call('GET', '/directories')).status).toBe(200);
    // A second session of the organization gets what is left of the organization's 6: 4 were counted (the
    // session's refused writes are not).
    const second = await openSession(app, orgId);
    expect([(await write(second)).status, (await write(second)).status, (await write(second)).status]).toEqual([200, 200, 429]);
    // Another organization is not held back.
    const other = await openSession(app, await newOrganization(app));
    expect((await other.call('POST', '/directories', { provider: 'entra' })).status).toBe(201);
  });
});

const signIn = async (user: string, pass: string, address: string) => (await signInOver(app, user, pass, address)).result;

describe('operator sign-in', () => {
  it('throttles one (email, address) after 5 failures, without locking the operator out elsewhere', async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < 5; i++) expect(await signIn(email, `wrong-${i}-password`, attacker)).toBe('CredentialsSignin');
    // The 6th failure owes 1 s; meanwhile even the right password from that address waits.
    expect(await signIn(email, 'wrong-5-password', attacker)).toBe('CredentialsSignin');
    expect(await signIn(email, password, attacker)).toBe('TooManyAttempts');
    // The operator, elsewhere, signs in at once.
    expect(await signIn(email, password, '198.51.100.20')).toBe('ok');
    // The wait grows: after it, one more failure owes 2 s.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await signIn(email, 'wrong-6-password', attacker)).toBe('CredentialsSignin');
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await signIn(email, password, attacker)).toBe('TooManyAttempts');
  });

  it('throttles one address across emails after 20 failures', async () => {
    const sprayer = '203.0.113.99';
    for (let i = 0; i < 20; i++) expect(await signIn(`nobody-${i}@example.com`, 'not-a-real-password', sprayer)).toBe('CredentialsSignin');
    expect(await signIn('nobody-20@example.com', 'not-a-real-password', sprayer)).toBe('CredentialsSignin');
    expect(await signIn(email, password, sprayer)).toBe('TooManyAttempts');
    expect(await signIn(email, password, '198.51.100.21')).toBe('ok');
  });
});
