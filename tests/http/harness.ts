// Helpers for the http tier: a directory of its own per test (created through the host API) and a SCIM client.
import { inject } from 'vitest';
import { closeDatabase } from '../../lib/db/database';
import { resetEnv } from '../../lib/env';
import { recordSecret, type AppTarget } from '../setup/app-server';

/** This process's database switched to the app's, to seed it straight through SQL (tests/int/large-directory.ts). */
export async function useAppDatabase(t: AppTarget): Promise<void> {
  await closeDatabase();
  process.env.DATABASE_URL = t.databaseUrl;
  resetEnv();
}

/** Closes the database useAppDatabase opened (afterAll). */
export async function leaveAppDatabase(): Promise<void> {
  await closeDatabase();
  delete process.env.DATABASE_URL;
  resetEnv();
}

export function targets(): AppTarget[] {
  return inject('targets');
}

/** The targets, and an app whose SCIM requests go through Next's router to the route handler: the IdP flows run on all. */
export function idpTargets(): AppTarget[] {
  return [...inject('targets'), ...inject('routerTargets')];
}

export interface ScimDirectory {
  orgId: string;
  directoryId: string;
  endpoint: string;
  token: string;
}

export async function api(t: AppTarget, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${t.baseUrl}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${t.apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The events feed's cursor now, and the events after `after` (the feed is the host's, shared by other tests). */
export async function feedEnd<E>(t: AppTarget, after?: string): Promise<{ cursor: string | undefined; events: E[] }> {
  const events: E[] = [];
  for (let cursor = after; ;) {
    const page = await (await api(t, 'GET', `/events?limit=500${cursor ? `&after=${cursor}` : ''}`)).json();
    events.push(...page.data);
    if (page.data.length < 500) return { cursor: page.nextCursor ?? cursor, events };
    cursor = page.nextCursor;
  }
}

export async function newDirectory(t: AppTarget, provider = 'okta'): Promise<ScimDirectory> {
  const org = await (await api(t, 'POST', '/organizations', { name: `Org ${Math.random().toString(36).slice(2)}` })).json();
  const res = await api(t, 'POST', `/organizations/${org.id}/directories`, { provider });
  if (res.status !== 201) throw new Error(`create directory: ${res.status} ${await res.text()}`);
  const dir = await res.json();
  recordSecret(dir.scim.token);
  return { orgId: org.id, directoryId: dir.id, endpoint: dir.scim.endpoint, token: dir.scim.token };
}

export interface ScimCall {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
  text: string;
}

/** One SCIM request with exactly the headers given (tests replay IdPs' headers verbatim). */
export async function scim(
  dir: ScimDirectory,
  method: string,
  path: string,
  // rawBody as a Blob with no type sends no Content-Type at all (a string body makes fetch add text/plain).
  opts: { body?: unknown; rawBody?: string | Blob; headers?: Record<string, string>; auth?: string | null } = {},
): Promise<ScimCall> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.auth !== null) headers.Authorization = opts.auth ?? `Bearer ${dir.token}`;
  if (opts.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/scim+json';
  }
  const res = await fetch(`${dir.endpoint}${path}`, {
    method,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body, text };
}
