// The user writes Okta and Entra send: POST /Users, Okta's PUT, Entra's and Okta's PATCHes, Entra's DELETE. The
// seeded users stay as they are (the reads look them up): the PUT, the PATCHes and the DELETE go to the users this
// pass's POST created, each request a real change.
import type { Load } from './load';
import { ENTERPRISE_URN, entraReplaceSeveral, oktaCreateUser, oktaPutUser, oktaSetActive, type JsonObject } from './payloads';
import { createWorkload } from './create-workload';
import { ask, deleted, holds, status, workEmail } from './probe';
import { authHeaders, originAndBase, type Stage, type Workload } from './workload';

/** POSTed users are numbered from here: past the seeded users and the imports'. */
const FIRST_NUMBER = 10_000_000;

const userName = (s: Stage, i: number) => `bench-${s.tag}-${i}@example.com`;
const idAt = (s: Stage, i: number) => String(s.createdUsers[i % s.createdUsers.length]?.id ?? 'none-created');

/** A write to each created user in turn, over and over: `make(i, n)` is the i-th body, n the pool's size. */
function onCreatedUsers(s: Stage, method: string, make: (i: number, n: number) => unknown, extra: Partial<Load> = {}): Load {
  const { origin, base } = originAndBase(s.dir.endpoint);
  const n = s.createdUsers.length;
  return {
    origin,
    method,
    headers: authHeaders(s.dir, method !== 'DELETE'),
    maxRequests: n === 0 ? 0 : undefined,
    request: (i) => {
      const body = make(i, n);
      return { path: `${base}/Users/${idAt(s, i)}`, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    },
    ...extra,
  };
}

const lastCreated = (s: Stage): JsonObject | null => s.createdUsers[s.createdUsers.length - 1] ?? null;

export function userWrites(): Workload[] {
  return [
    createWorkload({
      key: 'post-user',
      label: 'POST /Users',
      idp: 'Okta, Entra',
      resource: 'Users',
      body: (s, i) => oktaCreateUser(userName(s, i), FIRST_NUMBER + i),
      field: 'userName',
      keep: (s, created) => s.createdUsers.push(created),
    }),
    {
      key: 'put-user',
      label: 'PUT /Users/{id} (profile update)',
      idp: 'Okta',
      kind: 'write',
      load: (s) => onCreatedUsers(s, 'PUT', (i) => oktaPutUser(s.createdUsers[i % s.createdUsers.length], i)),
      probe: async (s) => {
        const u = lastCreated(s);
        if (!u) return 'POST /Users created no user to update';
        const put = await ask(s.dir, 'PUT', `/Users/${String(u.id)}`, oktaPutUser(u, -1));
        return status(put, 200) ?? holds(await ask(s.dir, 'GET', `/Users/${String(u.id)}`), [[['name', 'givenName'], 'Renamed-1']]);
      },
    },
    {
      key: 'patch-user-entra',
      label: 'PATCH /Users/{id} (replace 6 attributes)',
      idp: 'Entra',
      kind: 'write',
      load: (s) => onCreatedUsers(s, 'PATCH', (i) => entraReplaceSeveral(i)),
      probe: async (s) => {
        const u = lastCreated(s);
        if (!u) return 'POST /Users created no user to update';
        const patch = await ask(s.dir, 'PATCH', `/Users/${String(u.id)}`, entraReplaceSeveral(-1));
        if (patch.status !== 200 && patch.status !== 204) return status(patch);
        const got = await ask(s.dir, 'GET', `/Users/${String(u.id)}`);
        const want = entraReplaceSeveral(-1).Operations.map((op) => op.value);
        return (
          holds(got, [
            [['displayName'], want[0] ?? null],
            [['name', 'givenName'], want[2] ?? null],
            [['name', 'familyName'], want[3] ?? null],
            [['externalId'], want[4] ?? null],
            [[ENTERPRISE_URN, 'employeeNumber'], want[5] ?? null],
          ]) ?? (workEmail(got.body) === want[1] ? null : `the work email is ${JSON.stringify(workEmail(got.body))}`)
        );
      },
    },
    {
      key: 'patch-user-okta',
      label: 'PATCH /Users/{id} (deactivate, reactivate)',
      idp: 'Okta',
      kind: 'write',
      // Each pass over the pool flips every user: deactivated on the first, reactivated on the next.
      load: (s) => onCreatedUsers(s, 'PATCH', (i, n) => oktaSetActive(Math.floor(i / n) % 2 === 1)),
      probe: async (s) => {
        const u = lastCreated(s);
        if (!u) return 'POST /Users created no user to update';
        const off = await ask(s.dir, 'PATCH', `/Users/${String(u.id)}`, oktaSetActive(false));
        if (off.status !== 200 && off.status !== 204) return status(off);
        const bad = holds(await ask(s.dir, 'GET', `/Users/${String(u.id)}`), [[['active'], false]]);
        const on = await ask(s.dir, 'PATCH', `/Users/${String(u.id)}`, oktaSetActive(true));
        return bad ?? (on.status === 200 || on.status === 204 ? null : `reactivation ${status(on)}`);
      },
    },
  ];
}

export const deleteUsers: Workload = {
  key: 'delete-user',
  label: 'DELETE /Users/{id}',
  idp: 'Entra',
  kind: 'write',
  // Each created user once; the probe took the last one.
  load: (s) => onCreatedUsers(s, 'DELETE', () => undefined, { maxRequests: s.createdUsers.length }),
  probe: async (s) => {
    const u = s.createdUsers.pop();
    return u ? deleted(s.dir, `/Users/${String(u.id)}`) : 'POST /Users created no user to delete';
  },
};
