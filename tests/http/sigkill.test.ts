// Killing the app with SIGKILL in the middle of a burst of SCIM writes loses nothing: after a restart, every write
// that was answered 2xx is present with its event, and webhook delivery resumes where it stopped.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { api as hostApi } from './harness';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, freshSqliteUrl, startApp, type AppTarget } from '../setup/app-server';
import type { ChildProcess } from 'node:child_process';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

const WEBHOOK_ENV = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '0,1,1,1,1,1,1,1', WEBHOOK_POLL_MS: '200' };

const api = async (t: AppTarget, method: string, path: string, body?: unknown) => (await hostApi(t, method, path, body)).json();

async function receiver(): Promise<{ url: string; ids: Set<string>; close: () => void }> {
  const ids = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      ids.add((JSON.parse(body) as { id: string }).id);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, ids, close: () => server.close() };
}

async function allEvents(t: AppTarget): Promise<{ id: string; type: string; data: { userName?: string } }[]> {
  const out: { id: string; type: string; data: { userName?: string } }[] = [];
  let after: string | null = null;
  for (;;) {
    const page = (await api(t, 'GET', `/events?limit=500${after ? `&after=${after}` : ''}`)) as { data: typeof out; nextCursor: string | null };
    out.push(...page.data);
    if (page.data.length < 500) return out;
    after = page.nextCursor;
  }
}

describe.each(['sqlite', 'postgres'] as const)('SIGKILL during a write burst (%s)', (kind) => {
  it('keeps every acknowledged write and its events, and resumes webhook delivery', async () => {
    const url = kind === 'sqlite' ? freshSqliteUrl('sigkill') : await freshPostgresDatabase(process.env.TEST_PG_URL!, 'scim_sigkill');
    const first = await startApp(kind, url, WEBHOOK_ENV);
    children.push(first.child);
    const hook = await receiver();
    await api(first.target, 'POST', '/webhook-endpoints', { url: hook.url });
    const org = (await api(first.target, 'POST', '/organizations', { name: 'Crash Co' })) as { id: string };
    const dir = (await api(first.target, 'POST', `/organizations/${org.id}/directories`, { provider: 'okta' })) as {
      scim: { endpoint: string; token: string };
    };

    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const worker = async () => {
      while (sent < 400 && !killed) {
        const userName = `crash${sent++}@example.com`;
        try {
          const r = await fetch(`${dir.scim.endpoint}/Users`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${dir.scim.token}`, 'Content-Type': 'application/scim+json' },
            body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, active: true }),
          });
          if (r.status === 201) acknowledged.push(userName);
          if (acknowledged.length >= 60 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          /* the connection died with the process */
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(killed).toBe(true);
    await new Promise<void>((r) => (first.child.exitCode !== null || first.child.signalCode ? r() : first.child.once('exit', () => r())));

    const second = await startApp(kind, url, WEBHOOK_ENV);
    children.push(second.child);
    const events = await allEvents(second.target);
    const created = new Set(events.filter((e) => e.type === 'directory.user.created').map((e) => e.data.userName));
    for (const u of acknowledged) expect(created.has(u), `event for ${u}`).toBe(true);
    // The restarted app listens on a new port: same directory path, new origin.
    const endpoint = `${second.target.baseUrl}${new URL(dir.scim.endpoint).pathname}`;
    const users = await fetch(`${endpoint}/Users?count=0`, { headers: { Authorization: `Bearer ${dir.scim.token}` } }).then((r) => r.json());
    expect(users.totalResults).toBeGreaterThanOrEqual(acknowledged.length);
    expect(users.totalResults).toBe(created.size);

    const deadline = Date.now() + 60_000;
    while (events.some((e) => !hook.ids.has(e.id)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(events.filter((e) => !hook.ids.has(e.id)).map((e) => e.type)).toEqual([]);
    hook.close();
    second.child.kill('SIGTERM');
  });
});
