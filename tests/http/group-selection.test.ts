// Group selection (issue 19 item 1) over HTTP on both databases: the host API sets it (previewed first), Okta's
// group push and Entra's group PATCHes get the same answers for a selected and an unselected group, and only the
// selected one reaches the host (its API rows, a user's groups, the events feed).
import { describe, expect, it } from 'vitest';
import { api, feedEnd as feedOf, newDirectory, targets, type ScimDirectory } from './harness';
import { call, createUser, describeCall, memberIds } from './scim-expect';
import * as entra from '../../e2e/fixtures/idp/entra';
import * as okta from '../../e2e/fixtures/idp/okta';
import type { AppTarget } from '../setup/app-server';

const feedEnd = (t: AppTarget, after?: string) => feedOf<Event>(t, after);
type Event = { type: string; directoryId: string; data: { id?: string; displayName?: string; group?: { displayName: string }; user?: { id: string } } };

const mine = async (t: AppTarget, dir: ScimDirectory, cursor: string | undefined) =>
  (await feedEnd(t, cursor)).events
    .filter((e) => e.directoryId === dir.directoryId)
    .map((e) => `${e.type} ${e.data.group?.displayName ?? e.data.displayName ?? ''}`.trim());

async function select(t: AppTarget, dir: ScimDirectory, body: unknown, path = '') {
  const res = await api(t, path ? 'POST' : 'PUT', `/directories/${dir.directoryId}/group-selection${path}`, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

const hostGroups = async (t: AppTarget, dir: ScimDirectory) =>
  (await (await api(t, 'GET', `/directories/${dir.directoryId}/groups`)).json()).data.map((g: { displayName: string }) => g.displayName);
const hostUserGroups = async (t: AppTarget, dir: ScimDirectory, id: string) =>
  (await (await api(t, 'GET', `/directories/${dir.directoryId}/users/${id}`)).json()).groups.map((g: { displayName: string }) => g.displayName);

/** Okta's group push (idp-behaviour.md §1.4 F): look the name up, create it empty, then PATCH the members in. */
async function oktaPush(dir: ScimDirectory, name: string, members: string[]) {
  const lookup = await call(dir, 'GET', `/Groups?${okta.clientGroupLookupQuery(name)}`, { headers: okta.clientHeaders() });
  expect(lookup.body.totalResults).toBe(0);
  const created = await call(dir, 'POST', '/Groups', { body: okta.groupCreateBody(name), headers: okta.clientHeaders(true) });
  expect(created.status, describeCall(created)).toBe(201);
  const patched = await call(dir, 'PATCH', `/Groups/${created.body.id}`, {
    body: okta.groupMembershipPatch(
      [],
      members.map((value) => ({ value })),
    ),
    headers: okta.clientHeaders(true),
  });
  expect([200, 204], describeCall(patched)).toContain(patched.status);
  return { id: created.body.id as string, created, patched };
}

describe.each(targets())('group selection on $name', (t) => {
  it('host API: defaults, bad input refused with 400, unknown directory 404', async () => {
    const dir = await newDirectory(t, 'okta');
    expect(await (await api(t, 'GET', `/directories/${dir.directoryId}/group-selection`)).json()).toEqual({ mode: 'all', groupIds: [], job: null });
    const tooMany = { mode: 'selected', groupIds: Array.from({ length: 1001 }, (_, i) => `grp_${i}`) };
    for (const bad of [{}, { mode: 'some' }, { mode: 'all', groupIds: ['grp_x'] }, { mode: 'selected', groupIds: 'x' }, { mode: 'all', other: 1 }, tooMany]) {
      const res = await api(t, 'PUT', `/directories/${dir.directoryId}/group-selection`, bad);
      expect(res.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
    // A group of another directory is as unknown as one that never was.
    const other = await newDirectory(t, 'okta');
    const foreign = await call(other, 'POST', '/Groups', { body: okta.groupCreateBody('Foreign'), headers: okta.clientHeaders(true) });
    for (const path of ['', '/preview']) {
      const res = await api(t, path ? 'POST' : 'PUT', `/directories/${dir.directoryId}/group-selection${path}`, {
        mode: 'selected',
        groupIds: [foreign.body.id],
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toEqual({ code: 'invalid', message: `groupIds: unknown group "${foreign.body.id}" in this directory` });
    }
    expect(await (await api(t, 'GET', `/directories/${dir.directoryId}/group-selection`)).json()).toEqual({ mode: 'all', groupIds: [], job: null });
    expect((await api(t, 'GET', '/directories/dir_doesnotexist/group-selection')).status).toBe(404);
    expect((await api(t, 'POST', '/directories/dir_doesnotexist/group-selection/preview', { mode: 'all' })).status).toBe(404);
  });

  it('Okta group push: an unselected group answers Okta as a selected one does, and the host sees only the selected', async () => {
    const dir = await newDirectory(t, 'okta');
    const u1 = await createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput('sel1')), okta.clientHeaders(true));
    const u2 = await createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput('sel2')), okta.clientHeaders(true));
    await select(t, dir, { mode: 'selected', groupIds: [] });
    const { cursor } = await feedEnd(t);

    const sales = await oktaPush(dir, 'Sales', [u1.id, u2.id]);
    expect(sales.created.body).toMatchObject({ displayName: 'Sales', members: [] });
    expect((await memberIds(dir, sales.id)).sort()).toEqual([u1.id, u2.id].sort());
    expect(await hostGroups(t, dir)).toEqual([]);
    expect((await api(t, 'GET', `/directories/${dir.directoryId}/groups/${sales.id}`)).status).toBe(404);
    expect((await api(t, 'GET', `/directories/${dir.directoryId}/users?groupId=${sales.id}`)).status).toBe(404);
    expect(await hostUserGroups(t, dir, u1.id)).toEqual([]);
    expect(await mine(t, dir, cursor)).toEqual([]);

    const preview = await select(t, dir, { mode: 'selected', groupIds: [sales.id] }, '/preview');
    expect(preview).toMatchObject({ appearing: { count: 1, groups: [{ id: sales.id, displayName: 'Sales', memberCount: 2 }] }, disappearing: { count: 0 } });
    expect(await hostGroups(t, dir)).toEqual([]);
    const saved = await select(t, dir, { mode: 'selected', groupIds: [sales.id] });
    expect(saved).toMatchObject({ mode: 'selected', groupIds: [sales.id], change: { appearing: { count: 1 } } });
    expect(await hostGroups(t, dir)).toEqual(['Sales']);
    expect(await hostUserGroups(t, dir, u1.id)).toEqual(['Sales']);
    expect(await mine(t, dir, cursor)).toEqual(['directory.group.created Sales', 'directory.group.user_added Sales', 'directory.group.user_added Sales']);

    // A second push, not selected: Okta's answers are those of the first; the host hears only of Sales.
    const { cursor: next } = await feedEnd(t);
    const eng = await oktaPush(dir, 'Engineering', [u1.id]);
    expect(eng.created.body).toMatchObject({ displayName: 'Engineering', members: [] });
    expect(eng.patched.status).toBe(sales.patched.status);
    const rename = await call(dir, 'PATCH', `/Groups/${eng.id}`, { body: okta.groupRenamePatch(eng.id, 'Engineering 2'), headers: okta.clientHeaders(true) });
    expect([200, 204]).toContain(rename.status);
    const moved = await call(dir, 'PATCH', `/Groups/${sales.id}`, { body: okta.groupMembershipPatch([u2.id], []), headers: okta.clientHeaders(true) });
    expect([200, 204]).toContain(moved.status);
    const user = await call(dir, 'GET', `/Users/${u1.id}`, { headers: okta.clientHeaders() });
    expect(user.body.groups.map((g: { display: string }) => g.display).sort()).toEqual(['Engineering 2', 'Sales']);
    expect(await hostUserGroups(t, dir, u1.id)).toEqual(['Sales']);
    expect(await hostGroups(t, dir)).toEqual(['Sales']);
    expect(await mine(t, dir, next)).toEqual(['directory.group.user_removed Sales']);
  });

  it("Entra's group PATCHes on an unselected group: same answers, no events; it appears to the host once selected", async () => {
    const dir = await newDirectory(t, 'entra');
    const h = entra.entraHeaders(true);
    const a = await createUser(dir, entra.createUserBody(entra.entraUserInput()), h);
    const b = await createUser(dir, entra.createUserBody(entra.entraUserInput()), h);
    const chosen = await call(dir, 'POST', '/Groups', { body: entra.createGroupBody('Chosen'), headers: h });
    const other = await call(dir, 'POST', '/Groups', { body: entra.createGroupBody('Other'), headers: h });
    expect([chosen.status, other.status]).toEqual([201, 201]);
    await select(t, dir, { mode: 'selected', groupIds: [chosen.body.id] });
    const { cursor } = await feedEnd(t);
    const statuses: Record<string, number[]> = {};
    for (const g of [chosen.body.id, other.body.id]) {
      statuses[g] = [];
      for (const body of [entra.addMembers([a.id, b.id]), entra.removeMembersByValueArray([b.id]), entra.renameGroup(`Renamed ${g.slice(-4)}`)]) {
        statuses[g].push((await call(dir, 'PATCH', `/Groups/${g}`, { body, headers: h })).status);
      }
    }
    expect(statuses[other.body.id]).toEqual(statuses[chosen.body.id]);
    expect(statuses[other.body.id]).toEqual([204, 204, 204]);
    expect(await memberIds(dir, other.body.id)).toEqual([a.id]);
    const events = await mine(t, dir, cursor);
    expect(events.filter((e) => e.includes('Other') || e.includes(other.body.id.slice(-4)))).toEqual([]);
    expect(events).toEqual([
      'directory.group.user_added Chosen',
      'directory.group.user_added Chosen',
      'directory.group.user_removed Chosen',
      `directory.group.updated Renamed ${chosen.body.id.slice(-4)}`,
    ]);
    const { cursor: next } = await feedEnd(t);
    await select(t, dir, { mode: 'all' });
    expect(await mine(t, dir, next)).toEqual([
      `directory.group.created Renamed ${other.body.id.slice(-4)}`,
      `directory.group.user_added Renamed ${other.body.id.slice(-4)}`,
    ]);
    expect((await hostGroups(t, dir)).length).toBe(2);
  });
});
