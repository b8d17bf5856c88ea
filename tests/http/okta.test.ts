// Okta, replayed request by request against the built app (idp-behaviour.md §1): the Runscope SPEC test (current,
// 2017 and 2016 exports), the CRUD test, the Entitlements-style paging check and the real provisioning client.
import { beforeAll, describe, expect, it } from 'vitest';
import { idpTargets, newDirectory, type ScimDirectory } from './harness';
import {
  call,
  createGroup,
  createUser,
  describeCall,
  expectEmptyList,
  expectError,
  expectList,
  expectStatus,
  getOk,
  inBatches,
  memberIds,
} from './scim-expect';
import * as okta from '../../e2e/fixtures/idp/okta';
import { ERROR_URN, LIST_URN, SPC_URN, USER_URN } from '../../e2e/fixtures/idp/types';

describe.each(idpTargets())('Okta against $name', (t) => {
  describe('§1.1 SPEC test (current export), steps 1–12', () => {
    let dir: ScimDirectory;
    const v = okta.specVariables();
    const get = okta.specGetHeaders();
    let ISVUserid = '';
    let idUserOne = '';
    let seeded: Record<string, unknown>;

    beforeAll(async () => {
      dir = await newDirectory(t, 'okta');
      // "At least one user must already exist": one complete, active user.
      seeded = await createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput('seed')), okta.clientHeaders(true));
    });

    it('1. GET /Users?count=1&startIndex=1 lists a complete user', async () => {
      const r = await call(dir, 'GET', '/Users?count=1&startIndex=1', { headers: get });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.schemas).toContain(LIST_URN);
      for (const k of ['itemsPerPage', 'startIndex', 'totalResults']) expect(typeof r.body[k], k).toBe('number');
      expect(r.body.Resources.length).toBeGreaterThan(0);
      const u = r.body.Resources[0];
      expect(u.id).toBeTruthy();
      expect(u.name.familyName).toBeTruthy();
      expect(u.name.givenName).toBeTruthy();
      expect(u.userName).toBeTruthy();
      expect(u.active).toBe(true);
      expect(u.emails[0].value).toBeTruthy();
      expect(u.id).toBe(seeded.id);
      ISVUserid = u.id;
    });

    it('2. GET /Users/{ISVUserid} returns the same user', async () => {
      const r = await call(dir, 'GET', `/Users/${ISVUserid}`, { headers: get });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.id).toBe(ISVUserid);
      expect(r.body.name.familyName).toBeTruthy();
      expect(r.body.name.givenName).toBeTruthy();
      expect(r.body.userName).toBeTruthy();
      expect(r.body.active).toBe(true);
      expect(r.body.emails[0].value).toBeTruthy();
    });

    it('3. filter on a userName that does not exist → 200, totalResults 0', async () => {
      const r = await call(dir, 'GET', `/Users${okta.specUserNameFilter(v.InvalidUserEmail)}`, { headers: get });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.schemas).toContain(LIST_URN);
      expect(r.body.totalResults).toBe(0);
    });

    it('4. GET an unknown id → 404 with detail and the Error URN', async () => {
      const r = await call(dir, 'GET', `/Users/${v.UserIdThatDoesNotExist}`, { headers: get });
      expectError(r, 404);
    });

    it('5. filter on the new random userName → 200, totalResults 0', async () => {
      const r = await call(dir, 'GET', `/Users${okta.specUserNameFilter(v.randomEmail)}`, { headers: get });
      expect(r.status).toBe(200);
      expect(r.body.totalResults).toBe(0);
    });

    it('6. POST /Users → 201 keeping the case of userName and names', async () => {
      const r = await call(dir, 'POST', '/Users', { body: okta.specCreateUserBody(v), headers: okta.specPostHeaders() });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.active).toBe(true);
      expect(r.body.id).toBeTruthy();
      expect(r.body.userName).toBe(v.randomUsername);
      expect(r.body.name.givenName).toBe(v.randomGivenName);
      expect(r.body.name.familyName).toBe(v.randomFamilyName);
      expect(r.body.schemas).toContain(USER_URN);
      // 2017 export: response.userName.toLowerCase() != randomUsername (never lower-case what is stored).
      expect(r.body.userName.toLowerCase()).not.toBe(v.randomUsername);
      idUserOne = r.body.id;
    });

    it('7. GET /Users/{idUserOne} → the same three values', async () => {
      const r = await call(dir, 'GET', `/Users/${idUserOne}`, { headers: get });
      expect(r.status).toBe(200);
      expect(r.body.userName).toBe(v.randomUsername);
      expect(r.body.name.givenName).toBe(v.randomGivenName);
      expect(r.body.name.familyName).toBe(v.randomFamilyName);
    });

    it('8. the same POST again → 409', async () => {
      const r = await call(dir, 'POST', '/Users', { body: okta.specCreateUserBody(v), headers: okta.specPostHeaders() });
      expectError(r, 409);
    });

    it('9. filter with the upper-cased userName → 200 and finds the user', async () => {
      const r = await call(dir, 'GET', `/Users${okta.specUserNameFilter(v.randomUsernameCaps)}`, { headers: get });
      expect(r.status).toBe(200);
      expect(r.body.totalResults).toBe(1);
      expect(r.body.Resources[0].id).toBe(idUserOne);
      expect(r.body.Resources[0].userName).toBe(v.randomUsername);
    });

    it('10. GET /Groups → 200 with totalResults 0 or a Resources array', async () => {
      const r = await call(dir, 'GET', '/Groups', { headers: get });
      expect(r.status).toBe(200);
      expect(r.body.totalResults === 0 || Array.isArray(r.body.Resources)).toBe(true);
    });

    it('11. step 9 with Authorization: non-token → 401 Error, status "401"', async () => {
      const r = await call(dir, 'GET', `/Users${okta.specUserNameFilter(v.randomUsernameCaps)}`, { headers: get, auth: 'non-token' });
      expectError(r, 401);
      expect(r.text).toContain(ERROR_URN);
    });

    it('12. GET /Users/00919288221112222 → 404 Error, status "404"', async () => {
      const r = await call(dir, 'GET', `/Users/${v.UnknownUserId}`, { headers: get });
      expectError(r, 404);
      expect(r.text).toContain(ERROR_URN);
    });
  });

  describe('§1.2 older SPEC exports', () => {
    let dir: ScimDirectory;
    beforeAll(async () => {
      dir = await newDirectory(t, 'okta');
      await createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput('seed')));
    });

    it('2017: the created userName keeps its case and the upper-cased filter finds it', async () => {
      const v = okta.specVariables();
      const r = await call(dir, 'POST', '/Users', { body: okta.specCreateUserBody(v), headers: okta.specPostHeaders() });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.userName).toBe(v.randomUsername);
      expect(r.body.userName.toLowerCase()).not.toBe(r.body.userName);
      const g = await call(dir, 'GET', `/Users/${r.body.id}`, { headers: okta.specGetHeaders() });
      expect(g.body.userName).toBe(v.randomUsername);
      const f = await call(dir, 'GET', `/Users${okta.specUserNameFilter(v.randomUsernameCaps)}`, { headers: okta.specGetHeaders() });
      expect(f.body.totalResults).toBe(1);
      expect(f.body.Resources[0].userName).toBe(v.randomUsername);
    });

    it('2016: /ServiceProviderConfig has every field the suite checks', async () => {
      const r = await call(dir, 'GET', '/ServiceProviderConfig', { headers: okta.specGetHeaders() });
      expect(r.status, describeCall(r)).toBe(200);
      const b = r.body;
      expect(b.schemas).toContain(SPC_URN);
      expect(typeof b.patch.supported).toBe('boolean');
      expect(typeof b.bulk.supported).toBe('boolean');
      expect(b.bulk.maxOperations).toBeDefined();
      expect(b.bulk.maxOperations).not.toBeNull();
      expect(b.bulk.maxPayloadSize).toBeDefined();
      expect(b.bulk.maxPayloadSize).not.toBeNull();
      expect(typeof b.filter.supported).toBe('boolean');
      expect(typeof b.filter.maxResults).toBe('number');
      expect(typeof b.changePassword.supported).toBe('boolean');
      expect(typeof b.sort.supported).toBe('boolean');
      expect(typeof b.etag.supported).toBe('boolean');
      expect(b.authenticationSchemes[0].type).toBeTruthy();
      expect(b.authenticationSchemes[0].description).toBeTruthy();
    });

    it('2016: /ResourceTypes and /Schemas are ListResponses with non-empty first entries', async () => {
      const rt = await call(dir, 'GET', '/ResourceTypes', { headers: okta.specGetHeaders() });
      expect(rt.status).toBe(200);
      expect(rt.body.schemas).toContain(LIST_URN);
      expect(rt.body.Resources[0].name).toBeTruthy();
      expect(rt.body.Resources[0].endpoint).toBeTruthy();
      expect(rt.body.Resources[0].schema).toBeTruthy();
      const sc = await call(dir, 'GET', '/Schemas', { headers: okta.specGetHeaders() });
      expect(sc.status).toBe(200);
      expect(sc.body.schemas).toContain(LIST_URN);
      expect(sc.body.Resources[0].id).toBeTruthy();
      expect(sc.body.Resources[0].attributes.length).toBeGreaterThan(0);
    });

    it.each(['/ServiceProviderConfig', '/ResourceTypes', '/Schemas'])('2016: POST %s → 405', async (path) => {
      const r = await call(dir, 'POST', path, { body: { schemas: [USER_URN] }, headers: okta.specPostHeaders() });
      expect(r.status, describeCall(r)).toBe(405);
    });

    it('2016: ?filter={CAPS} (a bare value, not an expression) → 400', async () => {
      const v = okta.specVariables();
      const r = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(v.randomUsernameCaps)}`, { headers: okta.specGetHeaders() });
      expectError(r, 400);
    });

    it('2016: /Groups has at least one group', async () => {
      await createGroup(dir, okta.groupCreateBody(`2016 group ${Math.random()}`));
      const r = await call(dir, 'GET', '/Groups', { headers: okta.specGetHeaders() });
      expect(r.status).toBe(200);
      expect(r.body.totalResults).toBeGreaterThanOrEqual(1);
      expect(r.body.Resources.length).toBeGreaterThanOrEqual(1);
    });

    it('2016: the create POST without any Content-Type header is parsed as JSON → 201', async () => {
      const v = okta.specVariables();
      const r = await call(dir, 'POST', '/Users', {
        rawBody: new Blob([JSON.stringify(okta.specCreateUserBody(v))]),
        headers: okta.spec2016PostHeaders(),
      });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.userName).toBe(v.randomUsername);
    });
  });

  describe('§1.3 CRUD test lifecycle', () => {
    let dir: ScimDirectory;
    let scimId = '';
    const first = `Crud${Math.random().toString(36).slice(2, 7)}`;
    const last = 'Tester';
    const email = `${first}${last}@atko.com`;
    const h = okta.crudTestHeaders();

    beforeAll(async () => {
      dir = await newDirectory(t, 'okta');
    });

    it('create + assign: lookup, POST, then the filter finds it with Okta’s values', async () => {
      const miss = await call(dir, 'GET', `/Users${okta.clientUserLookupQuery(email)}`, { headers: okta.clientHeaders() });
      expectEmptyList(miss);
      await createUser(dir, okta.clientCreateUserBody({ userName: email, givenName: first, familyName: last }), okta.clientHeaders(true));
      const r = await call(dir, 'GET', `/Users${okta.specUserNameFilter(email)}`, { headers: h });
      expect(r.status).toBe(200);
      const u = r.body.Resources[0];
      expect(u.userName).toBe(email);
      expect(u.emails[0].value).toBe(email);
      expect(u.name.familyName).toBe(last);
      expect(u.name.givenName).toBe(first);
      scimId = u.id;
    });

    it('change firstName: GET then PUT → givenName updated', async () => {
      const before = await getOk(dir, `/Users/${scimId}`);
      const put = await call(dir, 'PUT', `/Users/${scimId}`, {
        body: okta.profileUpdatePutBody(before, { givenName: `${first}update` }),
        headers: okta.clientHeaders(true),
      });
      expect(put.status, describeCall(put)).toBe(200);
      const r = await call(dir, 'GET', `/Users/${scimId}`, { headers: h });
      expect(r.body.name.givenName).toBe(`${first}update`);
    });

    it('deactivate: PATCH active false → still readable with active false', async () => {
      const p = await call(dir, 'PATCH', `/Users/${scimId}`, { body: okta.setActivePatch(false), headers: okta.clientHeaders(true) });
      expectStatus(p, [200, 204]);
      const r = await call(dir, 'GET', `/Users/${scimId}`, { headers: h });
      expect(r.status).toBe(200);
      expect(r.body.active).toBe(false);
    });

    it('activate + reassign: PATCH active true → active true', async () => {
      const p = await call(dir, 'PATCH', `/Users/${scimId}`, { body: okta.setActivePatch(true), headers: okta.clientHeaders(true) });
      expectStatus(p, [200, 204]);
      const r = await call(dir, 'GET', `/Users/${scimId}`, { headers: h });
      expect(r.body.active).toBe(true);
    });

    it('unassign: PATCH active false → active false', async () => {
      const p = await call(dir, 'PATCH', `/Users/${scimId}`, { body: okta.setActivePatch(false), headers: okta.clientHeaders(true) });
      expectStatus(p, [200, 204]);
      const r = await call(dir, 'GET', `/Users/${scimId}`, { headers: h });
      expect(r.status).toBe(200);
      expect(r.body.active).toBe(false);
    });
  });

  describe('§1.4 real client flows A–F', () => {
    let dir: ScimDirectory;
    const c = okta.clientHeaders();
    const cb = okta.clientHeaders(true);
    const u = okta.oktaUserInput();
    let userId = '';

    beforeAll(async () => {
      dir = await newDirectory(t, 'okta');
    });

    it('A. assign: lookup miss → exact empty list; POST → 201 full user; password and groups ignored; duplicate → 409', async () => {
      const miss = await call(dir, 'GET', `/Users${okta.clientUserLookupQuery(u.userName)}`, { headers: c });
      expectEmptyList(miss);
      expect(miss.body.startIndex).toBe(1);
      expect(miss.body.itemsPerPage).toBe(0);

      const r = await call(dir, 'POST', '/Users', { body: okta.clientCreateUserBody(u), headers: cb });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.text.length).toBeGreaterThan(0);
      expect(r.body.id).toBeTruthy();
      expect(r.body.meta.resourceType).toBe('User');
      expect(r.body.userName).toBe(u.userName);
      expect(r.body.externalId).toBe(u.externalId);
      expect(r.body.locale).toBe('en-US');
      expect(r.body.password, 'password is never returned').toBeUndefined();
      expect(r.body.groups ?? []).toEqual([]);
      userId = r.body.id;

      const dup = await call(dir, 'POST', '/Users', { body: okta.clientCreateUserBody(u), headers: cb });
      expectError(dup, 409);

      const hit = await call(dir, 'GET', `/Users${okta.clientUserLookupQuery(u.userName)}`, { headers: c });
      expectList(hit);
      expect(hit.body.totalResults).toBe(1);
      expect(hit.body.Resources[0].id).toBe(userId);
    });

    it('C. read: GET /Users/{id} → 200', async () => {
      const r = await call(dir, 'GET', `/Users/${userId}`, { headers: c });
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(userId);
    });

    it('D. profile update: GET then PUT as returned (id, meta, groups, emails[].display, middleName "") → 200', async () => {
      const before = (await call(dir, 'GET', `/Users/${userId}`, { headers: c })).body;
      const body = okta.profileUpdatePutBody(before, { givenName: 'Changed', familyName: 'Person', displayName: 'Changed Person' });
      const r = await call(dir, 'PUT', `/Users/${userId}`, { body, headers: cb });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.id).toBe(userId);
      expect(r.body.name.givenName).toBe('Changed');
      expect(r.body.name.familyName).toBe('Person');
      expect(r.body.displayName).toBe('Changed Person');
      expect(r.body.userName).toBe(u.userName);
      const g = await getOk(dir, `/Users/${userId}`);
      expect(g.name.givenName).toBe('Changed');
      expect(g.emails[0].value).toBe(u.userName);
    });

    it('E. deactivate / reactivate (no path) and password sync', async () => {
      const off = await call(dir, 'PATCH', `/Users/${userId}`, { body: okta.setActivePatch(false), headers: cb });
      expectStatus(off, [200, 204]);
      if (off.status === 200) expect(off.body.active).toBe(false);
      expect((await getOk(dir, `/Users/${userId}`)).active).toBe(false);
      const on = await call(dir, 'PATCH', `/Users/${userId}`, { body: okta.setActivePatch(true), headers: cb });
      expectStatus(on, [200, 204]);
      expect((await getOk(dir, `/Users/${userId}`)).active).toBe(true);
      // Ignore id, meta and groups inside a no-path value (Okta sends the object back).
      const ro = await call(dir, 'PATCH', `/Users/${userId}`, {
        body: {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', value: { id: 'other', meta: { resourceType: 'User' }, groups: [], active: true } }],
        },
        headers: cb,
      });
      expectStatus(ro, [200, 204]);
      expect((await getOk(dir, `/Users/${userId}`)).id).toBe(userId);
      const pw = await call(dir, 'PATCH', `/Users/${userId}`, { body: okta.passwordPatch('n3wPassw0rd!'), headers: cb });
      expectStatus(pw, [200, 204]);
      expect(pw.text).not.toContain('n3wPassw0rd!');
      expect(JSON.stringify(await getOk(dir, `/Users/${userId}`))).not.toContain('n3wPassw0rd!');
    });

    it('B. import: startIndex=1&count=100 then 101, integer fields, stable order, every user once', async () => {
      await inBatches(104, 8, (i) => createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput(`imp${i}`))));
      const page1 = await call(dir, 'GET', `/Users${okta.importPageQuery(1)}`, { headers: c });
      expectList(page1);
      expect(page1.body.totalResults).toBe(105);
      expect(page1.body.startIndex).toBe(1);
      expect(page1.body.itemsPerPage).toBe(100);
      const page2 = await call(dir, 'GET', `/Users${okta.importPageQuery(101)}`, { headers: c });
      expectList(page2);
      expect(page2.body.totalResults).toBe(105);
      expect(page2.body.startIndex).toBe(101);
      expect(page2.body.itemsPerPage).toBe(5);
      const ids = [...page1.body.Resources, ...page2.body.Resources].map((r: { id: string }) => r.id);
      expect(new Set(ids).size).toBe(105);
      expect(ids).toContain(userId);
      const again = await call(dir, 'GET', `/Users${okta.importPageQuery(1)}`, { headers: c });
      expect(again.body.Resources.map((r: { id: string }) => r.id)).toEqual(ids.slice(0, 100));
    });

    it('Entitlements-style: GET /Users?count=1&startIndex=1 → itemsPerPage 1', async () => {
      const r = await call(dir, 'GET', '/Users?count=1&startIndex=1', { headers: okta.specGetHeaders() });
      expectList(r);
      expect(r.body.Resources.length).toBe(1);
      expect(r.body.itemsPerPage).toBe(1);
      expect(typeof r.body.startIndex).toBe('number');
      expect(typeof r.body.totalResults).toBe('number');
    });

    it('F. group push: create, import, lookup, read, rename with id in value, membership, replace all, delete', async () => {
      const [m1, m2, m3] = await Promise.all([1, 2, 3].map((i) => createUser(dir, okta.clientCreateUserBody(okta.oktaUserInput(`member${i}`)))));
      const name = `Test SCIMv2 ${Math.random().toString(36).slice(2, 7)}`;
      const created = await call(dir, 'POST', '/Groups', { body: okta.groupCreateBody(name), headers: cb });
      expect(created.status, describeCall(created)).toBe(201);
      const gid: string = created.body.id;
      expect(gid).toBeTruthy();
      expect(created.body.displayName).toBe(name);

      const imp = await call(dir, 'GET', `/Groups${okta.importPageQuery(1)}`, { headers: c });
      expectList(imp);
      expect(imp.body.Resources.map((g: { id: string }) => g.id)).toContain(gid);

      const look = await call(dir, 'GET', `/Groups${okta.clientGroupLookupQuery(name)}`, { headers: c });
      expectList(look);
      expect(look.body.totalResults).toBe(1);
      expect(look.body.Resources[0].id).toBe(gid);
      const lookMiss = await call(dir, 'GET', `/Groups${okta.clientGroupLookupQuery(`${name} nope`)}`, { headers: c });
      expectEmptyList(lookMiss);

      const read = await call(dir, 'GET', `/Groups/${gid}`, { headers: c });
      expect(read.status).toBe(200);
      expect(read.body.id).toBe(gid);

      const newName = `${name} renamed`;
      const ren = await call(dir, 'PATCH', `/Groups/${gid}`, { body: okta.groupRenamePatch(gid, newName), headers: cb });
      expectStatus(ren, [200, 204]);
      const afterRen = await getOk(dir, `/Groups/${gid}`);
      expect(afterRen.displayName).toBe(newName);
      expect(afterRen.id).toBe(gid);

      const seed = await call(dir, 'PATCH', `/Groups/${gid}`, {
        body: okta.groupMembershipPatch(
          [],
          [
            { value: m1.id, display: String(m1.userName) },
            { value: m2.id, display: String(m2.userName) },
          ],
        ),
        headers: cb,
      });
      expectStatus(seed, [200, 204]);
      expect(await memberIds(dir, gid)).toEqual([m1.id, m2.id].sort());

      // Okta sends the rename along with every membership update; then remove + add in one request.
      const both = await call(dir, 'PATCH', `/Groups/${gid}`, {
        body: okta.groupMembershipPatch([m1.id], [{ value: m3.id, display: String(m3.userName) }]),
        headers: cb,
      });
      expectStatus(both, [200, 204]);
      expect(await memberIds(dir, gid)).toEqual([m2.id, m3.id].sort());

      const all = await call(dir, 'PATCH', `/Groups/${gid}`, {
        body: okta.groupReplaceMembersPatch([{ value: m1.id, display: String(m1.userName) }]),
        headers: cb,
      });
      expectStatus(all, [200, 204]);
      expect(await memberIds(dir, gid)).toEqual([m1.id]);

      const none = await call(dir, 'PATCH', `/Groups/${gid}`, { body: okta.groupReplaceMembersPatch([]), headers: cb });
      expectStatus(none, [200, 204]);
      expect(await memberIds(dir, gid)).toEqual([]);

      const del = await call(dir, 'DELETE', `/Groups/${gid}`, { headers: c });
      expect(del.status, describeCall(del)).toBe(204);
      expectError(await call(dir, 'GET', `/Groups/${gid}`, { headers: c }), 404);
    });

    it('AIW apps: PUT for deactivation and group changes', async () => {
      const before = await getOk(dir, `/Users/${userId}`);
      const off = await call(dir, 'PUT', `/Users/${userId}`, { body: okta.profileUpdatePutBody(before, { active: false }), headers: cb });
      expect(off.status, describeCall(off)).toBe(200);
      expect(off.body.active).toBe(false);
      const g = await createGroup(dir, okta.groupCreateBody(`AIW ${Math.random()}`));
      const put = await call(dir, 'PUT', `/Groups/${g.id}`, {
        body: okta.groupPutBody(g.id, 'AIW renamed ' + g.id, [{ value: userId, display: u.userName }]),
        headers: cb,
      });
      expect(put.status, describeCall(put)).toBe(200);
      expect(put.body.displayName).toBe('AIW renamed ' + g.id);
      expect(await memberIds(dir, g.id)).toEqual([userId]);
    });
  });
});
