// Assertions shared by the http-tier SCIM suites. Every request goes through `call`, which asserts the two rules that
// hold for every response: never a 5xx, and a body (when there is one) served as application/scim+json.
import { expect } from 'vitest';
import { api, scim, type ScimCall, type ScimDirectory } from './harness';
import type { AppTarget } from '../setup/app-server';
import { ERROR_URN, LIST_URN, USER_URN, type JsonObject } from '../../e2e/fixtures/idp/types';

export type CallOpts = Parameters<typeof scim>[3];

export async function call(dir: ScimDirectory, method: string, path: string, opts: CallOpts = {}): Promise<ScimCall> {
  const r = await scim(dir, method, path, opts);
  const where = `${method} ${path} → ${r.status} ${r.text.slice(0, 400)}`;
  // 501 is a documented answer (/Me, /Bulk); anything else in 5xx is a server failure.
  if (r.status !== 501) expect(r.status, `no 5xx: ${where}`).toBeLessThan(500);
  if (r.text.length > 0) expect(r.headers.get('content-type') ?? '', `content type: ${where}`).toMatch(/^application\/scim\+json/);
  return r;
}

export function describeCall(r: ScimCall): string {
  return `${r.status} ${r.text.slice(0, 600)}`;
}

export function expectStatus(r: ScimCall, status: number | number[]): void {
  const list = Array.isArray(status) ? status : [status];
  expect(list, describeCall(r)).toContain(r.status);
}

/** RFC 7644 §3.12: Error URN, `status` as a string equal to the HTTP status, optional scimType, a detail. */
export function expectError(r: ScimCall, status: number, scimType?: string): void {
  expect(r.status, describeCall(r)).toBe(status);
  expect(r.body, describeCall(r)).toBeTruthy();
  expect(r.body.schemas).toContain(ERROR_URN);
  expect(r.body.status).toBe(String(status));
  expect(typeof r.body.detail === 'string' && r.body.detail.length > 0, `detail in ${r.text}`).toBe(true);
  if (scimType !== undefined) expect(r.body.scimType, describeCall(r)).toBe(scimType);
}

/** A ListResponse with numeric totalResults/startIndex/itemsPerPage and a `Resources` array (always present). */
export function expectList(r: ScimCall): void {
  expect(r.status, describeCall(r)).toBe(200);
  expect(r.body.schemas).toContain(LIST_URN);
  expect(Number.isInteger(r.body.totalResults), 'totalResults integer').toBe(true);
  expect(Number.isInteger(r.body.startIndex), 'startIndex integer').toBe(true);
  expect(Number.isInteger(r.body.itemsPerPage), 'itemsPerPage integer').toBe(true);
  expect(Array.isArray(r.body.Resources), `Resources array in ${r.text.slice(0, 300)}`).toBe(true);
  expect(r.body.itemsPerPage).toBe(r.body.Resources.length);
}

export function expectEmptyList(r: ScimCall): void {
  expectList(r);
  expect(r.body.totalResults).toBe(0);
  expect(r.body.Resources).toEqual([]);
}

export async function createUser(dir: ScimDirectory, body: JsonObject, headers?: Record<string, string>): Promise<JsonObject & { id: string }> {
  const r = await call(dir, 'POST', '/Users', { body, headers });
  expect(r.status, describeCall(r)).toBe(201);
  expect(typeof r.body.id).toBe('string');
  return r.body;
}

export async function createGroup(dir: ScimDirectory, body: JsonObject): Promise<JsonObject & { id: string }> {
  const r = await call(dir, 'POST', '/Groups', { body });
  expect(r.status, describeCall(r)).toBe(201);
  expect(typeof r.body.id).toBe('string');
  return r.body;
}

export async function getOk(dir: ScimDirectory, path: string): Promise<ScimCall['body']> {
  const r = await call(dir, 'GET', path);
  expect(r.status, describeCall(r)).toBe(200);
  return r.body;
}

export async function memberIds(dir: ScimDirectory, groupId: string): Promise<string[]> {
  const g = await getOk(dir, `/Groups/${groupId}`);
  const members: Array<{ value: string }> = g.members ?? [];
  return members.map((m) => m.value).sort();
}

/** A minimal, complete user. */
export function simpleUser(userName: string, extra: JsonObject = {}): JsonObject {
  return {
    schemas: [USER_URN],
    userName,
    name: { givenName: 'Given', familyName: 'Family' },
    emails: [{ value: `${userName.replace(/[^A-Za-z0-9.]/g, '')}@example.test`, type: 'work', primary: true }],
    active: true,
    ...extra,
  };
}

export async function newToken(t: AppTarget, directoryId: string): Promise<{ id: string; token: string }> {
  const r = await api(t, 'POST', `/directories/${directoryId}/tokens`, {});
  expect(r.status).toBe(201);
  const b = (await r.json()) as { id: string; token: string };
  return { id: b.id, token: b.token };
}

/** Keys anywhere in a JSON value: a server must never store a PATCH path (`emails[type eq "work"].value`) as a key. */
function allKeys(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => allKeys(x, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      allKeys(x, out);
    }
  }
  return out;
}

export function expectNoPathKeys(resource: unknown): void {
  const bad = allKeys(resource).filter((k) => k.includes('[') || (k.includes('.') && !k.startsWith('urn:')) || /:User:[a-z]/i.test(k));
  expect(bad, `path-like keys stored in ${JSON.stringify(resource)}`).toEqual([]);
}

/** Runs `n` async jobs at once (bounded by `width`), keeping order. */
export async function inBatches<T>(n: number, width: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) {
    const chunk = await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, k) => job(i + k)));
    out.push(...chunk);
  }
  return out;
}
