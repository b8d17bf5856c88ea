// A portal session over plain HTTP, as the link page's script opens it: POST /api/portal/session {link}, then the
// token as a Bearer header and the CSRF value on writes.
import { expect } from 'vitest';
import { recordSecret, type AppTarget } from '../setup/app-server';
import { api } from './harness';

export async function newOrganization(t: AppTarget): Promise<string> {
  const res = await api(t, 'POST', '/organizations', { name: `Org ${Math.random().toString(36).slice(2)}` });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A fresh portal link of the organization: its token (the last path segment of its URL) and URL. */
export async function newLink(t: AppTarget, orgId: string): Promise<{ url: string; token: string }> {
  const res = await api(t, 'POST', `/organizations/${orgId}/portal-links`, {});
  expect(res.status).toBe(201);
  const { url } = (await res.json()) as { url: string };
  const token = url.slice(url.lastIndexOf('/') + 1);
  recordSecret(token);
  return { url, token };
}

export function exchange(
  t: AppTarget,
  link: string,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
  body = JSON.stringify({ link }),
) {
  return fetch(`${t.baseUrl}/api/portal/session`, { method: 'POST', headers, body });
}

export interface PortalSessionHandle {
  token: string;
  csrf: string;
  call: (method: string, path: string, body?: unknown, opts?: { csrf?: boolean }) => Promise<Response>;
}

export async function openSession(t: AppTarget, orgId: string): Promise<PortalSessionHandle> {
  const res = await exchange(t, (await newLink(t, orgId)).token);
  expect(res.status).toBe(201);
  const { token } = (await res.json()) as { token: string };
  recordSecret(token);
  const call = (method: string, path: string, body?: unknown, opts: { csrf?: boolean } = {}) =>
    fetch(`${t.baseUrl}/api/portal${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...(opts.csrf === false || method === 'GET' ? {} : { 'X-Portal-CSRF': csrf }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let csrf = '';
  const info = await call('GET', '/session');
  expect(info.status).toBe(200);
  csrf = ((await info.json()) as { csrf: string }).csrf;
  return { token, csrf, call };
}
