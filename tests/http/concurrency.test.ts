// Concurrency, token rotation and tenant isolation over HTTP, on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, newDirectory, targets, type ScimDirectory } from './harness';
import { call, createGroup, createUser, describeCall, expectError, getOk, memberIds, newToken, simpleUser } from './scim-expect';
import { GROUP_URN, patchBody, uniq } from '../../e2e/fixtures/idp/types';

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe.each(targets())('concurrency against $name', (t) => {
  let dir: ScimDirectory;
  beforeAll(async () => {
    dir = await newDirectory(t, 'generic');
  });

  it('twenty identical POST /Users at once → exactly one 201 and nineteen 409', async () => {
    const body = simpleUser(`race_${uniq(8)}`);
    const res = await Promise.all(Array.from({ length: 20 }, () => call(dir, 'POST', '/Users', { body })));
    expect(tally(res.map((r) => r.status))).toEqual({ 201: 1, 409: 19 });
    for (const r of res.filter((x) => x.status === 409)) expectError(r, 409, 'uniqueness');
    const list = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${body.userName}"`)}`);
    expect(list.body.totalResults).toBe(1);
  });

  it('twenty identical POST /Users differing only in userName case → one 201', async () => {
    const base = `Case_${uniq(8)}`;
    const variants = Array.from({ length: 20 }, (_, i) => (i % 2 ? base.toUpperCase() : base.toLowerCase()));
    const res = await Promise.all(variants.map((n) => call(dir, 'POST', '/Users', { body: simpleUser(n) })));
    expect(tally(res.map((r) => r.status))).toEqual({ 201: 1, 409: 19 });
  });

  it('twenty identical POST /Groups at once → exactly one 201', async () => {
    const body = { schemas: [GROUP_URN], displayName: `Race group ${uniq(8)}` };
    const res = await Promise.all(Array.from({ length: 20 }, () => call(dir, 'POST', '/Groups', { body })));
    expect(tally(res.map((r) => r.status))).toEqual({ 201: 1, 409: 19 });
    const list = await call(dir, 'GET', `/Groups?filter=${encodeURIComponent(`displayName eq "${body.displayName}"`)}`);
    expect(list.body.totalResults).toBe(1);
  });

  it('20 concurrent PATCHes, each adding a different member to one group → all 2xx, none lost', async () => {
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(dir, simpleUser(`mem${i}_${uniq(6)}`))));
    const g = await createGroup(dir, { schemas: [GROUP_URN], displayName: `Busy group ${uniq(6)}` });
    const res = await Promise.all(
      users.map((u) => call(dir, 'PATCH', `/Groups/${g.id}`, { body: patchBody({ op: 'add', path: 'members', value: [{ value: u.id }] }) })),
    );
    for (const r of res) expect([200, 204], describeCall(r)).toContain(r.status);
    expect(await memberIds(dir, g.id)).toEqual(users.map((u) => u.id).sort());
    // And the same for concurrent removals of different members.
    const rm = await Promise.all(
      users.slice(0, 10).map((u) => call(dir, 'PATCH', `/Groups/${g.id}`, { body: patchBody({ op: 'remove', path: `members[value eq "${u.id}"]` }) })),
    );
    for (const r of rm) expect([200, 204], describeCall(r)).toContain(r.status);
    expect(await memberIds(dir, g.id)).toEqual(
      users
        .slice(10)
        .map((u) => u.id)
        .sort(),
    );
  });

  it('concurrent PATCHes to different attributes of one user → every change present', async () => {
    const u = await createUser(dir, simpleUser(`multi_${uniq(6)}`));
    const changes: Array<[string, string]> = [
      ['displayName', 'Display'],
      ['nickName', 'Nick'],
      ['title', 'Title'],
      ['preferredLanguage', 'fr-FR'],
      ['locale', 'fr-CA'],
      ['timezone', 'Europe/Paris'],
      ['profileUrl', 'https://example.com/p'],
      ['userType', 'Employee'],
      ['name.middleName', 'Middle'],
      ['name.honorificPrefix', 'Dr.'],
    ];
    const res = await Promise.all(changes.map(([path, value]) => call(dir, 'PATCH', `/Users/${u.id}`, { body: patchBody({ op: 'replace', path, value }) })));
    for (const r of res) expect([200, 204], describeCall(r)).toContain(r.status);
    const g = await getOk(dir, `/Users/${u.id}`);
    for (const [path, value] of changes) {
      const got = path.startsWith('name.') ? g.name?.[path.slice(5)] : g[path];
      expect(got, `${path} in ${JSON.stringify(g)}`).toBe(value);
    }
    expect(g.name.givenName).toBe('Given');
  });

  it('token rotation: a revoked token fails from the very next request while a second token keeps working', async () => {
    const d = await newDirectory(t, 'generic');
    const second = await newToken(t, d.directoryId);
    const third = await newToken(t, d.directoryId);
    const withSecond: ScimDirectory = { ...d, token: second.token };
    const withThird: ScimDirectory = { ...d, token: third.token };
    expect((await call(withSecond, 'GET', '/Users')).status).toBe(200);
    expect((await call(withThird, 'GET', '/Users')).status).toBe(200);
    expect((await call(d, 'GET', '/Users')).status).toBe(200);
    const created0 = await createUser(d, simpleUser(`rev0_${uniq(6)}`));
    expect((await call(withSecond, 'GET', `/Users/${created0.id}`)).status).toBe(200);

    const del = await api(t, 'DELETE', `/directories/${d.directoryId}/tokens/${second.id}`);
    expect(del.status).toBe(204);
    expectError(await call(withSecond, 'GET', '/Users'), 401);
    expectError(await call(withSecond, 'GET', `/Users/${created0.id}`), 401);
    expectError(await call(withSecond, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${created0.userName}"`)}`), 401);
    expect((await call(withThird, 'GET', `/Users/${created0.id}`)).status).toBe(200);
    expectError(await call(withSecond, 'POST', '/Users', { body: simpleUser(`rev_${uniq(6)}`) }), 401);
    expect((await call(withThird, 'GET', '/Users')).status).toBe(200);
    expect((await call(d, 'GET', '/Users')).status).toBe(200);
    const created = await call(withThird, 'POST', '/Users', { body: simpleUser(`rot_${uniq(6)}`) });
    expect(created.status).toBe(201);
  });

  it('revocation under load: requests racing the revoke never 5xx and every request after it is 401', async () => {
    const d = await newDirectory(t, 'generic');
    const tok = await newToken(t, d.directoryId);
    const withTok: ScimDirectory = { ...d, token: tok.token };
    const before = Promise.all(Array.from({ length: 10 }, () => call(withTok, 'GET', '/Users')));
    const del = await api(t, 'DELETE', `/directories/${d.directoryId}/tokens/${tok.id}`);
    expect(del.status).toBe(204);
    for (const r of await before) expect([200, 401]).toContain(r.status);
    const after = await Promise.all(Array.from({ length: 10 }, () => call(withTok, 'GET', '/Users')));
    for (const r of after) expectError(r, 401);
  });

  it('tenant isolation: A’s token cannot read or write B; B’s ids at A’s URL → 404', async () => {
    const a = await newDirectory(t, 'okta');
    const b = await newDirectory(t, 'entra');
    const bUser = await createUser(b, simpleUser(`iso_${uniq(6)}`));
    const bGroup = await createGroup(b, { schemas: [GROUP_URN], displayName: `iso ${uniq(6)}` });
    const aTokenAtB: ScimDirectory = { ...b, token: a.token };

    expectError(await call(aTokenAtB, 'GET', '/Users'), 401);
    expectError(await call(aTokenAtB, 'GET', `/Users/${bUser.id}`), 401);
    // The one-query token check + user read (serve-scim.ts) must not hand B's user to A's token either way.
    expectError(await call(aTokenAtB, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${bUser.userName}"`)}`), 401);
    expectError(await call(aTokenAtB, 'GET', `/Users/${bUser.id}?attributes=groups`), 401);
    expectError(await call(aTokenAtB, 'POST', '/Users', { body: simpleUser(`iso2_${uniq(6)}`) }), 401);
    expectError(await call(aTokenAtB, 'PATCH', `/Users/${bUser.id}`, { body: patchBody({ op: 'replace', path: 'active', value: false }) }), 401);
    expectError(await call(aTokenAtB, 'DELETE', `/Users/${bUser.id}`), 401);
    expectError(await call(aTokenAtB, 'DELETE', `/Groups/${bGroup.id}`), 401);

    for (const path of [`/Users/${bUser.id}`, `/Groups/${bGroup.id}`]) {
      expectError(await call(a, 'GET', path), 404);
      expectError(await call(a, 'PATCH', path, { body: patchBody({ op: 'replace', path: 'displayName', value: 'pwned' }) }), 404);
      expectError(await call(a, 'DELETE', path), 404);
    }
    expectError(await call(a, 'PUT', `/Users/${bUser.id}`, { body: simpleUser(String(bUser.userName)) }), 404);
    const byFilter = await call(a, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${bUser.userName}"`)}`);
    expect(byFilter.body.totalResults).toBe(0);
    const byId = await call(a, 'GET', `/Users?filter=${encodeURIComponent(`id eq "${bUser.id}"`)}`);
    expect(byId.body.totalResults).toBe(0);

    // A's group cannot take B's user as a member.
    const aGroup = await createGroup(a, { schemas: [GROUP_URN], displayName: `A group ${uniq(6)}` });
    const add = await call(a, 'PATCH', `/Groups/${aGroup.id}`, { body: patchBody({ op: 'add', path: 'members', value: [{ value: bUser.id }] }) });
    expect(add.status).toBeLessThan(500);
    expect(await memberIds(a, aGroup.id)).toEqual([]);
    // The same userName may exist in both directories.
    expect((await call(a, 'POST', '/Users', { body: simpleUser(String(bUser.userName)) })).status).toBe(201);

    const still = await getOk(b, `/Users/${bUser.id}`);
    expect(still.active).toBe(true);
    expect((await getOk(b, `/Groups/${bGroup.id}`)).displayName).toBe(bGroup.displayName);
  });
});
