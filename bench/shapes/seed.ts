// Seeds an app through SCIM, as Okta would: users, 50 groups, a small group of 10 members and a big one.
import { oktaCreateUser } from '../lib/payloads';
import type { ShapeApp } from './app';

const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Okta's POST /Users body (bench/lib/payloads.ts), with a title (half Engineers) and names unique to `prefix`. */
export function oktaUser(n: number, prefix = 'user') {
  const base = oktaCreateUser(`${prefix}${n}@example.com`, n);
  return { ...base, title: n % 2 ? 'Engineer' : 'Manager', externalId: `${base.externalId}${prefix}` };
}

export async function scim(app: ShapeApp, method: string, p: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(app.origin + app.base + p, {
    method,
    headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/scim+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

async function inParallel<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

export async function seed(app: ShapeApp, { users, bigGroup }: { users: number; bigGroup: number }): Promise<void> {
  const d = app.data;
  const created = await inParallel(users, 8, (i) => scim(app, 'POST', '/Users', oktaUser(i)));
  for (const u of created) {
    d.userIds.push(String(u.id));
    d.userNames.push(String(u.userName));
    d.externalIds.push(String(u.externalId));
  }
  const groups = await inParallel(50, 8, (i) => scim(app, 'POST', '/Groups', { schemas: [GROUP_URN], displayName: `Group ${i}`, members: [] }));
  for (const g of groups) {
    d.groupIds.push(String(g.id));
    d.groupNames.push(String(g.displayName));
  }
  d.smallGroupId = d.groupIds[0];
  d.bigGroupId = d.groupIds[1];
  const member = (id: string) => ({ value: id, display: id });
  await scim(app, 'PATCH', `/Groups/${d.smallGroupId}`, {
    schemas: [PATCH_URN],
    Operations: [{ op: 'add', path: 'members', value: d.userIds.slice(0, 10).map(member) }],
  });
  // Every user is in a group or two, as in a real directory: the big group, and one of the other 48.
  const big = Array.from({ length: bigGroup }, (_, i) => d.userIds[i % d.userIds.length]);
  const bigIds = [...new Set(big)];
  for (let i = 0; i < bigIds.length; i += 100) {
    await scim(app, 'PATCH', `/Groups/${d.bigGroupId}`, {
      schemas: [PATCH_URN],
      Operations: [{ op: 'add', path: 'members', value: bigIds.slice(i, i + 100).map(member) }],
    });
  }
  await inParallel(48, 4, async (g) => {
    const ids = d.userIds.filter((_, i) => i % 48 === g).slice(0, 200);
    if (ids.length)
      await scim(app, 'PATCH', `/Groups/${d.groupIds[g + 2]}`, { schemas: [PATCH_URN], Operations: [{ op: 'add', path: 'members', value: ids.map(member) }] });
  });
  d.spareUserIds = d.userIds.slice(10, 10 + Math.min(500, d.userIds.length - 10));
}
