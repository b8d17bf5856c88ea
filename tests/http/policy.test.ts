// Issue 19's provisioning policy over HTTP, on both databases, with Okta- and Entra-shaped traffic: set through the
// host API, enforced on SCIM, seen in the host API and the events feed.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, feedEnd as feedOf, newDirectory, targets, type ScimDirectory } from './harness';
import { call, createUser, describeCall, expectError } from './scim-expect';
import * as entra from '../../e2e/fixtures/idp/entra';
import * as okta from '../../e2e/fixtures/idp/okta';
import type { AppTarget } from '../setup/app-server';

const feedEnd = (t: AppTarget, after?: string) => feedOf<Event>(t, after);
type Event = { type: string; directoryId: string; data: { id?: string; active?: boolean; roles?: string[] }; previousAttributes?: Record<string, unknown> };

const patchPolicy = async (t: AppTarget, dir: ScimDirectory, body: unknown) => {
  const res = await api(t, 'PATCH', `/organizations/${dir.orgId}/policy`, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};

describe.each(targets())('provisioning policy on $name', (t) => {
  let roleKey = '';
  beforeAll(async () => {
    roleKey = `member-${Math.random().toString(36).slice(2, 8)}`;
    expect((await api(t, 'POST', '/roles', { key: roleKey, name: 'Member' })).status).toBe(201);
  });

  it('host API: the defaults, a change read back, and clear 400s', async () => {
    const dir = await newDirectory(t, 'okta');
    const read = await (await api(t, 'GET', `/organizations/${dir.orgId}/policy`)).json();
    expect(read).toEqual({
      organizationId: dir.orgId,
      leaving: { mode: 'deactivate', deleteAfterDays: null },
      domains: [],
      seatLimit: null,
      seatsUsed: 0,
      updatedAt: null,
    });
    const set = await patchPolicy(t, dir, { domains: ['Acme.com', 'acme.io'], seatLimit: 10, leaving: { mode: 'delete_after', deleteAfterDays: 30 } });
    expect(set).toMatchObject({ domains: ['acme.com', 'acme.io'], seatLimit: 10, leaving: { mode: 'delete_after', deleteAfterDays: 30 } });
    for (const bad of [
      {},
      { domains: ['not a domain'] },
      { seatLimit: -1 },
      { leaving: { mode: 'delete_after' } },
      { leaving: { mode: 'delete', deleteAfterDays: 3 } },
      { other: 1 },
    ]) {
      const res = await api(t, 'PATCH', `/organizations/${dir.orgId}/policy`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
    expect((await api(t, 'GET', '/organizations/org_doesnotexist/policy')).status).toBe(404);
  });

  it('Okta: a deactivated user carries no role in the host API or its events, and gets it back on reactivation', async () => {
    const dir = await newDirectory(t, 'okta');
    expect((await api(t, 'PUT', `/directories/${dir.directoryId}/role-mappings`, { mappings: [], defaultRoleKey: roleKey })).status).toBe(200);
    const { cursor } = await feedEnd(t);
    const u = await createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput('leaver')), okta.clientHeaders(true));
    const hostUser = async () => (await api(t, 'GET', `/directories/${dir.directoryId}/users/${u.id}`)).json();
    expect((await hostUser()).roles).toEqual([roleKey]);
    expect((await call(dir, 'PATCH', `/Users/${u.id}`, { body: okta.setActivePatch(false), headers: okta.clientHeaders(true) })).status).toBe(200);
    expect(await hostUser()).toMatchObject({ active: false, roles: [] });
    const list = await (await api(t, 'GET', `/directories/${dir.directoryId}/users`)).json();
    expect(list.data.map((x: { roles: string[] }) => x.roles)).toEqual([[]]);
    await call(dir, 'PATCH', `/Users/${u.id}`, { body: okta.setActivePatch(true), headers: okta.clientHeaders(true) });
    expect((await hostUser()).roles).toEqual([roleKey]);
    const mine = (await feedEnd(t, cursor)).events.filter((e) => e.directoryId === dir.directoryId);
    expect(mine.map((e) => e.type)).toEqual([
      'directory.user.created',
      'directory.user.updated',
      'directory.user.deactivated',
      'directory.user.updated',
      'directory.user.reactivated',
    ]);
    expect(mine[2].data).toMatchObject({ id: u.id, active: false, roles: [] });
    expect(mine[1].previousAttributes).toMatchObject({ active: true, roles: [roleKey] });
    expect(mine[4].data).toMatchObject({ active: true, roles: [roleKey] });
  });

  it('Entra: a create on a foreign domain is a 403 naming the domain; one on the list is created', async () => {
    const dir = await newDirectory(t, 'entra');
    await patchPolicy(t, dir, { domains: ['testuser.com'] });
    const foreign = { ...entra.entraUserInput(), email: 'someone@gmail.com' };
    const refused = await call(dir, 'POST', '/Users', { body: entra.createUserBody(foreign), headers: entra.entraHeaders(true) });
    expectError(refused, 403);
    expect(refused.body.detail).toContain('"gmail.com" is not one of its domains (testuser.com)');
    const ok = await call(dir, 'POST', '/Users', { body: entra.createUserBody(entra.entraUserInput()), headers: entra.entraHeaders(true) });
    expect(ok.status, describeCall(ok)).toBe(201);
  });

  it('seat limit: reached (an event), refused, a deactivation frees a seat, then a create succeeds (Okta and Entra)', async () => {
    const dir = await newDirectory(t, 'okta');
    await patchPolicy(t, dir, { seatLimit: 2 });
    const { cursor } = await feedEnd(t);
    const a = await createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput('seat')), okta.clientHeaders(true));
    await call(dir, 'POST', '/Users', { body: entra.createUserBody(entra.entraUserInput()), headers: entra.entraHeaders(true) });
    const over = await call(dir, 'POST', '/Users', { body: okta.clientCreateUserBody(okta.oktaUserInput('over')), headers: okta.clientHeaders(true) });
    expectError(over, 403);
    expect(over.body.detail).toContain('seat limit of 2 active users is reached');
    expect((await (await api(t, 'GET', `/organizations/${dir.orgId}/policy`)).json()).seatsUsed).toBe(2);
    await call(dir, 'PATCH', `/Users/${a.id}`, { body: entra.disableDefaultJob(), headers: entra.entraHeaders(true) });
    const again = await call(dir, 'POST', '/Users', { body: okta.clientCreateUserBody(okta.oktaUserInput('again')), headers: okta.clientHeaders(true) });
    expect(again.status, describeCall(again)).toBe(201);
    const reached = (await feedEnd(t, cursor)).events.filter((e) => e.type === 'organization.seat_limit_reached' && e.directoryId === dir.directoryId);
    expect(reached.map((e) => e.data)).toEqual([
      { organizationId: dir.orgId, seatLimit: 2, activeUsers: 2 },
      { organizationId: dir.orgId, seatLimit: 2, activeUsers: 2 },
    ]);
  });

  it('concurrent creates at the seat limit never pass it', async () => {
    const dir = await newDirectory(t, 'entra');
    await patchPolicy(t, dir, { seatLimit: 3 });
    const results = await Promise.all(
      Array.from({ length: 16 }, () => call(dir, 'POST', '/Users', { body: entra.createUserBody(entra.entraUserInput()), headers: entra.entraHeaders(true) })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 201)) expectError(r, 403);
    expect((await (await api(t, 'GET', `/organizations/${dir.orgId}/policy`)).json()).seatsUsed).toBe(3);
  });

  it('leaving "delete": an Entra disable deletes the user at once', async () => {
    const dir = await newDirectory(t, 'entra');
    await patchPolicy(t, dir, { leaving: { mode: 'delete' } });
    const u = await createUser(dir, entra.createUserBody(entra.entraUserInput()), entra.entraHeaders(true));
    expect((await call(dir, 'PATCH', `/Users/${u.id}`, { body: entra.disableDefaultJob(), headers: entra.entraHeaders(true) })).status).toBeLessThan(300);
    expect((await call(dir, 'GET', `/Users/${u.id}`)).status).toBe(404);
    expect((await api(t, 'GET', `/directories/${dir.directoryId}/users/${u.id}`)).status).toBe(404);
  });

  it('rename and re-provision: Entra renames, then re-creates under the same externalId; Okta re-creates after a deactivation: never a duplicate', async () => {
    const dir = await newDirectory(t, 'entra');
    const input = entra.entraUserInput();
    const u = await createUser(dir, entra.createUserBody(input), entra.entraHeaders(true));
    await call(dir, 'PATCH', `/Users/${u.id}`, { body: entra.replaceUserName(`${input.userName}_renamed`), headers: entra.entraHeaders(true) });
    const again = await call(dir, 'POST', '/Users', {
      body: entra.createUserBody({ ...input, userName: `${input.userName}_again` }),
      headers: entra.entraHeaders(true),
    });
    expect([again.status, again.body.id, again.body.userName]).toEqual([201, u.id, `${input.userName}_again`]);

    const o = okta.oktaUserInput('back');
    const first = await createUser(dir, okta.clientCreateUserBody(o), okta.clientHeaders(true));
    await call(dir, 'PATCH', `/Users/${first.id}`, { body: okta.setActivePatch(false), headers: okta.clientHeaders(true) });
    const back = await call(dir, 'POST', '/Users', { body: okta.clientCreateUserBody(o), headers: okta.clientHeaders(true) });
    expect([back.status, back.body.id, back.body.active]).toEqual([201, first.id, true]);
    const users = await (await api(t, 'GET', `/directories/${dir.directoryId}/users`)).json();
    expect(users.data).toHaveLength(2);
  });
});
