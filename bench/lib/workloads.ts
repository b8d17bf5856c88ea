// The workloads, as requests against a seeded directory. Reads rotate over many users; writes use a distinct
// user per request so every PATCH really adds (or removes) a membership row and every POST creates a user.
import type { LoadSpec, Measurement } from './load';
import { addMembers, oktaUser, removeMember, seededUserName } from './okta-payloads';
import type { ScimDirectory } from './scim-client';

export type WorkloadKey =
  | 'healthz'
  | 'empty'
  | 'get-user'
  | 'filter-username'
  | 'patch-add-small'
  | 'patch-remove-small'
  | 'patch-add-big'
  | 'patch-remove-big'
  | 'post-user';

export const SCIM_READS: WorkloadKey[] = ['get-user', 'filter-username'];
/** The portal's routes that do nothing: node:http's answer and a Next.js route's. */
export const CEILINGS: WorkloadKey[] = ['healthz', 'empty'];

export interface SeededGroup {
  id: string;
  /** Its members are userIds[0..members). */
  members: number;
}

/** A directory with user{n}@example.com for n < users, and two groups. */
export interface SeededTarget {
  dir: ScimDirectory;
  users: number;
  /** userIds[n] is the SCIM id of user{n}@example.com. */
  userIds: string[];
  smallGroup: SeededGroup;
  bigGroup: SeededGroup;
}

export interface Workload {
  key: WorkloadKey;
  label: string;
  /** The load, given the measurements of the workloads run before it. */
  spec: (before: Map<WorkloadKey, Measurement>) => Omit<LoadSpec, 'seconds' | 'connections'>;
}

const SCIM = 'application/scim+json';

function originAndBase(endpoint: string): { origin: string; base: string } {
  const u = new URL(endpoint);
  return { origin: u.origin, base: u.pathname.replace(/\/+$/, '') };
}

const count = (n: number) => n.toLocaleString('en-US');

/** A different user for each i, spread over the whole directory. */
function spread(i: number, size: number): number {
  return (i * 7919 + Math.floor(i / size)) % size;
}

function groupWorkloads(t: SeededTarget, which: 'small' | 'big', connections: number, auth: Record<string, string>): Workload[] {
  const group = which === 'small' ? t.smallGroup : t.bigGroup;
  const { origin, base } = originAndBase(t.dir.endpoint);
  const pool = t.userIds.slice(group.members, t.users);
  const path = `${base}/Groups/${group.id}`;
  const headers = { ...auth, 'Content-Type': SCIM };
  const addKey: WorkloadKey = which === 'small' ? 'patch-add-small' : 'patch-add-big';
  const add: Workload = {
    key: addKey,
    label: `PATCH /Groups add member (${count(group.members)} members)`,
    spec: () => ({
      origin,
      method: 'PATCH',
      headers,
      // Up to `connections` requests are built but never sent, so keep that many pool users in reserve.
      maxRequests: pool.length - 2 * connections,
      request: (i) => {
        const n = group.members + (i % pool.length);
        return { path, body: JSON.stringify(addMembers([{ value: pool[i % pool.length], display: seededUserName(n) }])) };
      },
    }),
  };
  const remove: Workload = {
    key: which === 'small' ? 'patch-remove-small' : 'patch-remove-big',
    label: `PATCH /Groups remove member (${count(group.members)} members)`,
    spec: (before) => ({
      origin,
      method: 'PATCH',
      headers,
      // Removes, in the same order, every user the add workload sent (answered or still in flight when it
      // stopped), back to the seeded membership; removing one that never became a member answers 2xx too.
      maxRequests: before.get(addKey)?.built ?? 0,
      request: (i) => ({ path, body: JSON.stringify(removeMember(pool[i % pool.length])) }),
    }),
  };
  return [add, remove];
}

/** The SCIM workloads (2)–(5), in the order they run; POST last since it grows the directory. */
export function scimWorkloads(t: SeededTarget, opts: { connections: number; runTag: string }): Workload[] {
  const { origin, base } = originAndBase(t.dir.endpoint);
  const auth = { Authorization: `Bearer ${t.dir.token}`, Accept: SCIM };
  return [
    {
      key: 'get-user',
      label: 'GET /Users/{id}',
      spec: () => ({
        origin,
        method: 'GET',
        headers: auth,
        request: (i) => ({ path: `${base}/Users/${t.userIds[spread(i, t.users)]}` }),
      }),
    },
    {
      key: 'filter-username',
      label: 'GET /Users?filter=userName eq',
      spec: () => ({
        origin,
        method: 'GET',
        headers: auth,
        request: (i) => ({
          path: `${base}/Users?filter=${encodeURIComponent(`userName eq "${seededUserName(spread(i, t.users))}"`)}`,
        }),
      }),
    },
    ...groupWorkloads(t, 'small', opts.connections, auth),
    ...groupWorkloads(t, 'big', opts.connections, auth),
    {
      key: 'post-user',
      label: 'POST /Users',
      spec: () => ({
        origin,
        method: 'POST',
        headers: { ...auth, 'Content-Type': SCIM },
        request: (i) => {
          const userName = `bench-${opts.runTag}-${i}@example.com`;
          return { path: `${base}/Users`, body: JSON.stringify(oktaUser(userName, 10_000_000 + i)) };
        },
      }),
    },
  ];
}

/**
 * The ceilings the SCIM reads are held against: `/healthz`, answered by the custom server straight from node:http
 * (as the SCIM routes are), and `/api/empty`, a Next.js route that does nothing (the bench's own app: ceiling.ts).
 */
export function ceilingWorkloads(baseUrl: string, nextCeiling: string): Workload[] {
  const origin = new URL(baseUrl).origin;
  return [
    {
      key: 'healthz',
      label: 'GET /healthz (node:http ceiling)',
      spec: () => ({ origin, method: 'GET', headers: {}, request: () => ({ path: '/healthz' }) }),
    },
    {
      key: 'empty',
      label: 'GET /api/empty (Next.js ceiling)',
      spec: () => ({ origin: nextCeiling, method: 'GET', headers: {}, request: () => ({ path: '/api/empty' }) }),
    },
  ];
}
