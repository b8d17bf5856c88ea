// What leaving means for the IdPs' own flows (issue 19), over HTTP on both databases and under each leaving policy:
// Entra's soft delete (active "False"), hard delete (DELETE) and re-assignment (match query, then POST); Okta's
// unassign (active false; Okta never DELETEs) and re-assignment (match query, then a PATCH or a POST).
import { describe, expect, it } from 'vitest';
import { api, feedEnd, newDirectory, targets, type ScimDirectory } from './harness';
import { call, createGroup, createUser, describeCall, expectEmptyList, expectError, expectList } from './scim-expect';
import * as entra from '../../e2e/fixtures/idp/entra';
import * as okta from '../../e2e/fixtures/idp/okta';
import type { AppTarget } from '../setup/app-server';

type Event = { type: string; directoryId: string; data: { id?: string; removedAt?: string | null } };
const MODES = [
  { mode: 'deactivate', deleteAfterDays: null },
  { mode: 'delete_after', deleteAfterDays: 30 },
  { mode: 'delete', deleteAfterDays: null },
] as const;

const hostUser = (t: AppTarget, dir: ScimDirectory, id: string) => api(t, 'GET', `/directories/${dir.directoryId}/users/${id}`);
const eventsOf = async (t: AppTarget, dir: ScimDirectory, cursor: string | undefined) =>
  (await feedEnd<Event>(t, cursor)).events.filter((e) => e.directoryId === dir.directoryId);

describe.each(targets())('leaving policies and the IdPs’ delete flows on $name', (t) => {
  describe.each(MODES)('leaving "$mode"', (leaving) => {
    const keeps = leaving.mode !== 'delete';
    const setUp = async (provider: string) => {
      const dir = await newDirectory(t, provider);
      expect((await api(t, 'PATCH', `/organizations/${dir.orgId}/policy`, { leaving })).status).toBe(200);
      return dir;
    };

    it('Entra: soft delete, hard delete (then 404 everywhere SCIM looks), re-assignment links to the kept user', async () => {
      const dir = await setUp('entra');
      const h = entra.entraHeaders(true);
      const input = entra.entraUserInput();
      const u = await createUser(dir, entra.createUserBody(input), h);
      const g = await createGroup(dir, entra.createGroupBody(`Team ${input.userName}`));
      expect((await call(dir, 'PATCH', `/Groups/${g.id}`, { body: entra.addMembers([u.id]), headers: h })).status).toBe(204);
      const { cursor } = await feedEnd(t);

      expect((await call(dir, 'PATCH', `/Users/${u.id}`, { body: entra.disableDefaultJob(), headers: h })).status, 'soft delete').toBeLessThan(300);
      const hard = await call(dir, 'DELETE', `/Users/${u.id}`, { headers: entra.entraHeaders() });
      // Under "delete" the soft delete already deleted the user.
      if (keeps) expect(hard.status, describeCall(hard)).toBe(204);
      else expectError(hard, 404);
      expectError(await call(dir, 'GET', `/Users/${u.id}`, { headers: entra.entraHeaders() }), 404);
      expectError(await call(dir, 'DELETE', `/Users/${u.id}`, { headers: entra.entraHeaders() }), 404);
      expectEmptyList(await call(dir, 'GET', `/Users${entra.eqFilterQuery('userName', input.userName)}`, { headers: entra.entraHeaders() }));
      expectEmptyList(await call(dir, 'GET', `/Users${entra.eqFilterQuery('externalId', input.externalId)}`, { headers: entra.entraHeaders() }));
      const group = await call(dir, 'GET', `/Groups/${g.id}`, { headers: entra.entraHeaders() });
      expect(group.body.members ?? []).toEqual([]);

      const kept = await hostUser(t, dir, u.id);
      expect(kept.status).toBe(keeps ? 200 : 404);
      if (keeps) expect(await kept.json()).toMatchObject({ active: false, roles: [], groups: [], removedAt: expect.stringMatching(/^\d{4}-/) });
      const types = (await eventsOf(t, dir, cursor)).map((e) => e.type);
      expect(types).toEqual(
        keeps
          ? // The soft delete deactivated it; the hard delete takes it out of SCIM (removedAt), not deactivating it again.
            ['directory.user.updated', 'directory.user.deactivated', 'directory.group.user_removed', 'directory.user.updated']
          : ['directory.user.deleted'],
      );

      // Re-assignment: the match query finds nothing, so Entra POSTs the same person again.
      expectEmptyList(await call(dir, 'GET', `/Users${entra.eqFilterQuery('userName', input.userName)}`, { headers: entra.entraHeaders() }));
      const again = await call(dir, 'POST', '/Users', { body: entra.createUserBody(input), headers: h });
      expect(again.status, describeCall(again)).toBe(201);
      expect([again.body.id === u.id, again.body.active]).toEqual([keeps, true]);
      const back = await (await hostUser(t, dir, again.body.id)).json();
      expect([back.active, back.removedAt]).toEqual([true, null]);
      const list = await (await api(t, 'GET', `/directories/${dir.directoryId}/users`)).json();
      expect(list.data.map((x: { id: string }) => x.id)).toEqual([again.body.id]);
    });

    it('Okta: unassign (active false), then re-assign: the match query and a reactivation, or a POST when the user went', async () => {
      const dir = await setUp('okta');
      const o = okta.oktaUserInput('leaver');
      const u = await createUser(dir, okta.clientCreateUserBody(o), okta.clientHeaders(true));
      expect((await call(dir, 'PATCH', `/Users/${u.id}`, { body: okta.setActivePatch(false), headers: okta.clientHeaders(true) })).status).toBe(200);
      const found = await call(dir, 'GET', `/Users${okta.clientUserLookupQuery(o.userName)}`, { headers: okta.clientHeaders() });
      expectList(found);
      expect(found.body.totalResults).toBe(keeps ? 1 : 0);
      const back = keeps
        ? await call(dir, 'PATCH', `/Users/${u.id}`, { body: okta.setActivePatch(true), headers: okta.clientHeaders(true) })
        : await call(dir, 'POST', '/Users', { body: okta.clientCreateUserBody(o), headers: okta.clientHeaders(true) });
      expect(back.status, describeCall(back)).toBe(keeps ? 200 : 201);
      expect((await (await hostUser(t, dir, back.body.id)).json()).active).toBe(true);
      expect((await (await api(t, 'GET', `/directories/${dir.directoryId}/users`)).json()).data).toHaveLength(1);
    });

    it('Entra: after a hard delete the userName is free for another person; the kept one comes back only once it is free again', async () => {
      const dir = await setUp('entra');
      const h = entra.entraHeaders(true);
      const input = entra.entraUserInput();
      const u = await createUser(dir, entra.createUserBody(input), h);
      expect((await call(dir, 'DELETE', `/Users/${u.id}`, { headers: entra.entraHeaders() })).status).toBe(204);
      const other = await call(dir, 'POST', '/Users', { body: entra.createUserBody({ ...input, externalId: `${input.externalId}-2` }), headers: h });
      expect(other.status, describeCall(other)).toBe(201);
      expect(other.body.id).not.toBe(u.id);
      // The kept person re-assigned while the other holds the name: a 409, never two users of one userName.
      expectError(await call(dir, 'POST', '/Users', { body: entra.createUserBody(input), headers: h }), 409);
      expect((await call(dir, 'DELETE', `/Users/${other.body.id}`, { headers: entra.entraHeaders() })).status).toBe(204);
      const again = await call(dir, 'POST', '/Users', { body: entra.createUserBody(input), headers: h });
      expect([again.status, again.body.id === u.id], describeCall(again)).toEqual([201, keeps]);
    });
  });
});
