// Microsoft Entra ID, replayed against the built app (idp-behaviour.md §2): the provisioning service's ordered flow,
// both PATCH dialects (default job and aadOptscim062020), scimvalidator.microsoft.com, the gallery Logic App, the
// reference-server suite and the "SCIM Inbound" query shapes.
// Our documented decisions: user PATCH answers 200 with the resource (Entra and the validator accept it; the
// reference suite wants 204, so there we accept both), group PATCH answers 204, a replace whose valuePath matches
// nothing creates the element (as Entra expects), and unknown member ids are ignored.
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
  expectNoPathKeys,
  expectStatus,
  getOk,
  inBatches,
  memberIds,
  simpleUser,
} from './scim-expect';
import * as entra from '../../e2e/fixtures/idp/entra';
import { ENTERPRISE_URN, GROUP_URN, LIST_URN, USER_URN, patchBody, uniq, type JsonObject } from '../../e2e/fixtures/idp/types';

const H = entra.entraHeaders();
const HB = entra.entraHeaders(true);

type Email = { type?: string; value?: string; primary?: boolean };

function workEmail(u: { emails?: Email[] }): string | undefined {
  return (u.emails ?? []).find((e) => e.type === 'work')?.value;
}

function managerOf(u: Record<string, unknown>): string | undefined {
  const ext = u[ENTERPRISE_URN] as { manager?: { value?: string } | null } | undefined;
  return ext?.manager?.value || undefined;
}

function emptyish(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

describe.each(idpTargets())('Entra against $name', (t) => {
  describe('§2.1 provisioning service, ordered flow 1–17', () => {
    let dir: ScimDirectory;
    const u = entra.entraUserInput();
    let userId = '';
    let groupId = '';
    const groupName = `displayName ${uniq(6)}`;
    const members: string[] = [];

    beforeAll(async () => {
      dir = await newDirectory(t, 'entra');
    });

    it('1. Test Connection: a random GUID on each match attribute → 200 empty list with Resources: []', async () => {
      for (const attr of ['userName', 'externalId', 'emails[type eq "work"].value']) {
        const r = await call(dir, 'GET', `/Users${entra.testConnectionQuery(attr)}`, { headers: H });
        expectEmptyList(r);
      }
      const g = await call(dir, 'GET', `/Groups${entra.testConnectionQuery('displayName')}`, { headers: H });
      expectEmptyList(g);
    });

    it('2. GET /Schemas → ListResponse with User, Group and EnterpriseUser, no nulls', async () => {
      const r = await call(dir, 'GET', '/Schemas', { headers: H });
      expect(r.status).toBe(200);
      expect(r.body.schemas).toContain(LIST_URN);
      const ids = r.body.Resources.map((s: { id: string }) => s.id);
      expect(ids).toEqual(expect.arrayContaining([USER_URN, GROUP_URN, ENTERPRISE_URN]));
      expect(r.text).not.toMatch(/:\s*null/);
    });

    it('3. match a user by userName → 200 empty list', async () => {
      const r = await call(dir, 'GET', `/Users${entra.eqFilterQuery('userName', u.userName)}`, { headers: H });
      expectEmptyList(r);
      expect(r.body.startIndex).toBe(1);
    });

    it('4. create with both schemas, meta, roles: [] and nulls → 201 echoing externalId', async () => {
      const r = await call(dir, 'POST', '/Users', { body: entra.createUserBody(u), headers: HB });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.id).toBeTruthy();
      expect(r.body.externalId).toBe(u.externalId);
      expect(r.body.userName).toBe(u.userName);
      expect(r.body.meta.created).toBeTruthy();
      expect(r.body.meta.lastModified).toBeTruthy();
      expect(r.body.meta.resourceType).toBe('User');
      expect(r.body.meta.location).toContain(`/Users/${r.body.id}`);
      expect(emptyish(r.body.title)).toBe(true);
      userId = r.body.id;
    });

    it('5. get → 200; unknown id → 404 Error with status "404"', async () => {
      const r = await call(dir, 'GET', `/Users/${userId}`, { headers: H });
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(userId);
      expect(r.body.name.givenName).toBe(u.givenName);
      expectError(await call(dir, 'GET', `/Users/${entra.randomGuid()}`, { headers: H }), 404);
    });

    it('6. multi-valued PATCH emails[type eq "work"].value + name.familyName → 200', async () => {
      const r = await call(dir, 'PATCH', `/Users/${userId}`, { body: entra.replaceWorkEmailAndFamilyName('x@y.example', 'NewFamily'), headers: HB });
      expect(r.status, describeCall(r)).toBe(200);
      const g = await getOk(dir, `/Users/${userId}`);
      expect(workEmail(g)).toBe('x@y.example');
      expect(g.emails.length).toBe(1);
      expect(g.name.familyName).toBe('NewFamily');
      expect(g.name.givenName).toBe(u.givenName);
      expectNoPathKeys(g);
    });

    it('7. replace userName → 200 with the new value', async () => {
      const newName = `${u.userName}_renamed`;
      const r = await call(dir, 'PATCH', `/Users/${userId}`, { body: entra.replaceUserName(newName), headers: HB });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.userName).toBe(newName);
      expect((await getOk(dir, `/Users/${userId}`)).userName).toBe(newName);
    });

    it('8. disable with "False" (default job) and with false (E1) → active false', async () => {
      const a = await call(dir, 'PATCH', `/Users/${userId}`, { body: entra.disableDefaultJob(), headers: HB });
      expect(a.status, describeCall(a)).toBe(200);
      expect((await getOk(dir, `/Users/${userId}`)).active).toBe(false);
      const on = await call(dir, 'PATCH', `/Users/${userId}`, { body: entra.enableDefaultJob(), headers: HB });
      expect(on.status, describeCall(on)).toBe(200);
      expect((await getOk(dir, `/Users/${userId}`)).active).toBe(true);
      const b = await call(dir, 'PATCH', `/Users/${userId}`, { body: entra.disableE1(), headers: HB });
      expect(b.status, describeCall(b)).toBe(200);
      expect((await getOk(dir, `/Users/${userId}`)).active).toBe(false);
      // Users are returned whether active or not.
      const f = await call(dir, 'GET', `/Users${entra.eqFilterQuery('externalId', u.externalId)}`, { headers: H });
      expect(f.body.totalResults).toBe(1);
      // externalId is caseExact (userName is not).
      const fx = await call(dir, 'GET', `/Users${entra.eqFilterQuery('externalId', u.externalId.toUpperCase())}`, { headers: H });
      expectEmptyList(fx);
    });

    it('9. manager: legacy array, bare string, {value}, remove, replace with "" and {value: ""}', async () => {
      const m1 = await createUser(dir, simpleUser(`mgr1_${uniq(6)}`));
      const m2 = await createUser(dir, simpleUser(`mgr2_${uniq(6)}`));
      const steps: Array<[string, ReturnType<typeof entra.managerString>, string | undefined]> = [
        ['legacy Add manager [{$ref,value}]', entra.managerLegacyAdd(dir.endpoint, m1.id), m1.id],
        ['Add URN path, bare string', entra.managerString(m2.id, 'Add'), m2.id],
        ['Replace URN path, {value}', entra.managerObject(m1.id, 'Replace'), m1.id],
        ['Remove URN path', entra.managerRemove(), undefined],
        ['Replace bare string again', entra.managerString(m2.id, 'Replace'), m2.id],
        ['Replace with ""', entra.managerReplaceEmpty('string'), undefined],
        ['add {value}', entra.managerObject(m1.id, 'add'), m1.id],
        ['Replace with {value: ""}', entra.managerReplaceEmpty('object'), undefined],
      ];
      for (const [label, body, expected] of steps) {
        const r = await call(dir, 'PATCH', `/Users/${userId}`, { body, headers: HB });
        expect(r.status, `${label}: ${describeCall(r)}`).toBe(200);
        const g = await getOk(dir, `/Users/${userId}`);
        expect(managerOf(g), `${label}: ${JSON.stringify(g[ENTERPRISE_URN])}`).toBe(expected);
        expect(g.manager, `${label}: no core-level manager key`).toBeUndefined();
        expectNoPathKeys(g);
      }
      // E1's pre-check: `id eq X and manager eq Y` requesting only `id`.
      expect((await call(dir, 'PATCH', `/Users/${userId}`, { body: entra.managerString(m2.id, 'Replace'), headers: HB })).status).toBe(200);
      const pre = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`id eq "${userId}" and manager eq "${m2.id}"`)}&attributes=id`, { headers: H });
      expectList(pre);
      expect(pre.body.totalResults).toBe(1);
      expect(pre.body.Resources[0].id).toBe(userId);
      expect(pre.body.Resources[0].userName).toBeUndefined();
      const preMiss = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`id eq "${userId}" and manager eq "${m1.id}"`)}&attributes=id`, {
        headers: H,
      });
      expectEmptyList(preMiss);
    });

    it('10. DELETE user → 204, then GET 404 and a second DELETE 404', async () => {
      const d = await call(dir, 'DELETE', `/Users/${userId}`, { headers: H });
      expect(d.status, describeCall(d)).toBe(204);
      expectError(await call(dir, 'GET', `/Users/${userId}`, { headers: H }), 404);
      expectError(await call(dir, 'DELETE', `/Users/${userId}`, { headers: H }), 404);
    });

    it('11. create a group with the ADSCIM schema URN → 201 with members: []', async () => {
      const r = await call(dir, 'POST', '/Groups', { body: entra.createGroupBody(groupName), headers: HB });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.id).toBeTruthy();
      expect(r.body.displayName).toBe(groupName);
      expect(r.body.members).toEqual([]);
      groupId = r.body.id;
    });

    it('12. GET /Groups/{id}?excludedAttributes=members → no members key', async () => {
      const r = await call(dir, 'GET', `/Groups/${groupId}?excludedAttributes=members`, { headers: H });
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(groupId);
      expect('members' in r.body).toBe(false);
    });

    it('13. find by displayName (different case) with excludedAttributes=members', async () => {
      const r = await call(dir, 'GET', `/Groups${entra.eqFilterQuery('displayName', groupName.toUpperCase(), '&excludedAttributes=members')}`, { headers: H });
      expectList(r);
      expect(r.body.totalResults).toBe(1);
      expect(r.body.Resources[0].id).toBe(groupId);
      expect(r.body.Resources[0].displayName).toBe(groupName);
      expect('members' in r.body.Resources[0]).toBe(false);
    });

    it('14. rename → 204', async () => {
      const r = await call(dir, 'PATCH', `/Groups/${groupId}`, { body: entra.renameGroup(`${groupName} renamed`), headers: HB });
      expect(r.status, describeCall(r)).toBe(204);
      expect((await getOk(dir, `/Groups/${groupId}`)).displayName).toBe(`${groupName} renamed`);
    });

    it('15. add several members in one PATCH → 204', async () => {
      for (let i = 0; i < 4; i++) members.push((await createUser(dir, simpleUser(`mem${i}_${uniq(6)}`))).id);
      const r = await call(dir, 'PATCH', `/Groups/${groupId}`, { body: entra.addMembers(members), headers: HB });
      expect(r.status, describeCall(r)).toBe(204);
      expect(await memberIds(dir, groupId)).toEqual([...members].sort());
    });

    it('16. remove members with a value array → 204, only those removed', async () => {
      const r = await call(dir, 'PATCH', `/Groups/${groupId}`, { body: entra.removeMembersByValueArray(members.slice(0, 2)), headers: HB });
      expect(r.status, describeCall(r)).toBe(204);
      expect(await memberIds(dir, groupId)).toEqual(members.slice(2).sort());
    });

    it('17. DELETE group → 204, then 404', async () => {
      const d = await call(dir, 'DELETE', `/Groups/${groupId}`, { headers: H });
      expect(d.status, describeCall(d)).toBe(204);
      expectError(await call(dir, 'GET', `/Groups/${groupId}`, { headers: H }), 404);
      expectError(await call(dir, 'DELETE', `/Groups/${groupId}`, { headers: H }), 404);
    });
  });

  describe.each(['default', 'flag'] as const)('§2.2 PATCH dialect: %s', (column) => {
    let dir: ScimDirectory;
    beforeAll(async () => {
      dir = await newDirectory(t, 'entra');
    });

    it('disable', async () => {
      const user = await createUser(dir, entra.createUserBody(entra.entraUserInput(), { nulls: false }));
      const body = column === 'default' ? entra.disableDefaultJob() : entra.disableFlag();
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body, headers: HB });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.active).toBe(false);
      expect((await getOk(dir, `/Users/${user.id}`)).active).toBe(false);
    });

    it('add a single-valued attribute (nickName)', async () => {
      const user = await createUser(dir, entra.createUserBody(entra.entraUserInput(), { nulls: false }));
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body: entra.addNickName('Babs', column), headers: HB });
      expect(r.status, describeCall(r)).toBe(200);
      expect((await getOk(dir, `/Users/${user.id}`)).nickName).toBe('Babs');
    });

    it('replace several attributes (incl. valuePath, dotted and URN keys)', async () => {
      const input = entra.entraUserInput();
      const user = await createUser(dir, entra.createUserBody(input, { nulls: false }));
      const a: entra.SeveralAttributes = {
        displayName: 'Barbara Jensen',
        workEmail: `bjensen_${uniq(5)}@example.com`,
        givenName: 'Barbara',
        familyName: 'Jensen',
        externalId: `ext_${uniq(8)}`,
        employeeNumber: '701984',
      };
      const body = column === 'default' ? entra.replaceSeveralDefaultJob(a) : entra.replaceSeveralFlag(a);
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body, headers: HB });
      expect(r.status, describeCall(r)).toBe(200);
      const g = await getOk(dir, `/Users/${user.id}`);
      expect(g.displayName).toBe(a.displayName);
      expect(workEmail(g)).toBe(a.workEmail);
      expect(g.emails.length).toBe(1);
      expect(g.name.givenName).toBe(a.givenName);
      expect(g.name.familyName).toBe(a.familyName);
      expect(g.externalId).toBe(a.externalId);
      expect(g[ENTERPRISE_URN]?.employeeNumber).toBe(a.employeeNumber);
      expect(g.userName).toBe(input.userName);
      expectNoPathKeys(g);
    });

    it('remove a member', async () => {
      const [a, b] = await Promise.all([createUser(dir, simpleUser(`ma_${uniq(6)}`)), createUser(dir, simpleUser(`mb_${uniq(6)}`))]);
      const g = await createGroup(dir, entra.createGroupBody(`grp ${uniq(6)}`));
      expect((await call(dir, 'PATCH', `/Groups/${g.id}`, { body: entra.addMembers([a.id, b.id]), headers: HB })).status).toBe(204);
      const body = column === 'default' ? entra.removeMemberDefaultJob(a.id) : entra.removeMemberFlag(a.id);
      const r = await call(dir, 'PATCH', `/Groups/${g.id}`, { body, headers: HB });
      expect(r.status, describeCall(r)).toBe(204);
      expect(await memberIds(dir, g.id)).toEqual([b.id]);
    });
  });

  describe('§2.3 scimvalidator.microsoft.com', () => {
    let dir: ScimDirectory;
    const input = entra.entraUserInput('Validator.User_');
    let user: JsonObject & { id: string };

    beforeAll(async () => {
      dir = await newDirectory(t, 'entra');
    });

    it('1. create user → 201; duplicate → 409', async () => {
      const body = { ...entra.createUserBody(input, { nulls: false }), preferredLanguage: 'en-US', nickName: 'Val' };
      const r = await call(dir, 'POST', '/Users', { body, headers: HB });
      expect(r.status, describeCall(r)).toBe(201);
      user = r.body;
      expectError(await call(dir, 'POST', '/Users', { body, headers: HB }), 409, 'uniqueness');
    });

    it('2. filter (spaces as +): hit with id/schemas/meta.resourceType, miss, upper-cased hit with the stored case', async () => {
      const hit = await call(dir, 'GET', `/Users${entra.plusFilterQuery('userName', input.userName)}`, { headers: H });
      expectList(hit);
      expect(hit.body.totalResults).toBe(1);
      const r0 = hit.body.Resources[0];
      expect(r0.id).toBe(user.id);
      expect(r0.schemas).toContain(USER_URN);
      expect(r0.meta.resourceType).toBe('User');
      const miss = await call(dir, 'GET', `/Users${entra.plusFilterQuery('userName', `${input.userName}nope`)}`, { headers: H });
      expectEmptyList(miss);
      const caps = await call(dir, 'GET', `/Users${entra.plusFilterQuery('userName', input.userName.toUpperCase())}`, { headers: H });
      expect(caps.body.totalResults).toBe(1);
      expect(caps.body.Resources[0].userName).toBe(input.userName);
    });

    it('3. get by id → 200', async () => {
      expect((await getOk(dir, `/Users/${user.id}`)).id).toBe(user.id);
    });

    it('4. no-path replace userName → 200 with the new value', async () => {
      const newName = `${input.userName}.new`;
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body: entra.validatorNoPathReplace({ userName: newName }), headers: HB });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.userName).toBe(newName);
      expect((await getOk(dir, `/Users/${user.id}`)).userName).toBe(newName);
    });

    it('5. replace attributes by valuePath: creates absent elements, then updates in place', async () => {
      const first = { workEmail: `w1_${uniq(5)}@example.com`, workPhone: '+1 555 0100', streetAddress: '1 Main St', locality: 'Springfield' };
      const r1 = await call(dir, 'PATCH', `/Users/${user.id}`, { body: entra.validatorReplaceAttributes(first), headers: HB });
      expect(r1.status, describeCall(r1)).toBe(200);
      let g = await getOk(dir, `/Users/${user.id}`);
      expect(workEmail(g)).toBe(first.workEmail);
      expect(g.phoneNumbers.filter((p: { type: string }) => p.type === 'work').map((p: { value: string }) => p.value)).toEqual([first.workPhone]);
      const addr = g.addresses.filter((a: { type: string }) => a.type === 'work');
      expect(addr.length, JSON.stringify(g.addresses)).toBe(1);
      expect(addr[0].streetAddress).toBe(first.streetAddress);
      expect(addr[0].locality).toBe(first.locality);
      expectNoPathKeys(g);

      const second = { workEmail: `w2_${uniq(5)}@example.com`, workPhone: '+1 555 0199', streetAddress: '2 Elm St', locality: 'Shelbyville' };
      const r2 = await call(dir, 'PATCH', `/Users/${user.id}`, { body: entra.validatorReplaceAttributes(second), headers: HB });
      expect(r2.status, describeCall(r2)).toBe(200);
      g = await getOk(dir, `/Users/${user.id}`);
      expect(g.emails.filter((e: Email) => e.type === 'work').map((e: Email) => e.value)).toEqual([second.workEmail]);
      expect(g.phoneNumbers.filter((p: { type: string }) => p.type === 'work').map((p: { value: string }) => p.value)).toEqual([second.workPhone]);
      const addr2 = g.addresses.filter((a: { type: string }) => a.type === 'work');
      expect(addr2.length).toBe(1);
      expect(addr2[0].streetAddress).toBe(second.streetAddress);
      expect(addr2[0].locality).toBe(second.locality);
      expectNoPathKeys(g);
    });

    it('6. add displayName, title, nickName', async () => {
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, {
        body: entra.validatorAddAttributes({ displayName: 'Val Idator', title: 'Tester', nickName: 'Vee' }),
        headers: HB,
      });
      expect(r.status, describeCall(r)).toBe(200);
      const g = await getOk(dir, `/Users/${user.id}`);
      expect([g.displayName, g.title, g.nickName]).toEqual(['Val Idator', 'Tester', 'Vee']);
    });

    it('7. disable → active false', async () => {
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body: entra.disableFlag(), headers: HB });
      expect(r.status).toBe(200);
      expect(r.body.active).toBe(false);
    });

    it('8. add, replace and remove manager (string, {value}, remove, empty value)', async () => {
      const m1 = await createUser(dir, simpleUser(`vm1_${uniq(6)}`));
      const m2 = await createUser(dir, simpleUser(`vm2_${uniq(6)}`));
      const seq: Array<[ReturnType<typeof entra.managerRemove>, string | undefined]> = [
        [entra.managerString(m1.id, 'add'), m1.id],
        [entra.managerObject(m2.id, 'replace'), m2.id],
        [entra.managerRemove('remove'), undefined],
        [entra.managerObject(m1.id, 'add'), m1.id],
        [patchBody({ op: 'replace', path: entra.MANAGER_PATH, value: '' }), undefined],
      ];
      for (const [body, expected] of seq) {
        const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body, headers: HB });
        expect(r.status, `${JSON.stringify(body.Operations)}: ${describeCall(r)}`).toBe(200);
        expect(managerOf(await getOk(dir, `/Users/${user.id}`)), JSON.stringify(body.Operations)).toBe(expected);
      }
    });

    it('roles[].primary sent as "True" comes back as true (POST and PATCH add)', async () => {
      const body = { ...simpleUser(`roles_${uniq(6)}`), roles: [{ primary: 'True', type: 'WindowsAzureActiveDirectoryRole', value: 'Admin' }] };
      const r = await call(dir, 'POST', '/Users', { body, headers: HB });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.roles[0].primary).toBe(true);
      expect((await getOk(dir, `/Users/${r.body.id}`)).roles[0].primary).toBe(true);
      const p = await call(dir, 'PATCH', `/Users/${r.body.id}`, {
        body: patchBody({ op: 'add', path: 'roles', value: [{ primary: 'False', type: 'WindowsAzureActiveDirectoryRole', value: 'Reader' }] }),
        headers: HB,
      });
      expect(p.status, describeCall(p)).toBe(200);
      const roles = (await getOk(dir, `/Users/${r.body.id}`)).roles as Array<{ value: string; primary: unknown }>;
      expect(roles.find((x) => x.value === 'Reader')?.primary).toBe(false);
      expect(roles.find((x) => x.value === 'Admin')?.primary).toBe(true);
    });

    it('preview: remove preferredLanguage + add externalId + replace displayName in one request', async () => {
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, {
        body: entra.validatorMixedOps({ externalId: 'ext-preview', displayName: 'Preview Name' }),
        headers: HB,
      });
      expect(r.status, describeCall(r)).toBe(200);
      const g = await getOk(dir, `/Users/${user.id}`);
      expect(emptyish(g.preferredLanguage)).toBe(true);
      expect(g.externalId).toBe('ext-preview');
      expect(g.displayName).toBe('Preview Name');
    });

    it('preview: remove, add, replace on the same attribute, in order', async () => {
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body: entra.validatorSameAttributeInOrder('title', 'Added', 'Replaced'), headers: HB });
      expect(r.status, describeCall(r)).toBe(200);
      expect((await getOk(dir, `/Users/${user.id}`)).title).toBe('Replaced');
    });

    it('9. delete → 204, then GET 404; deleting twice → 404; a missing user → 404', async () => {
      const d = await call(dir, 'DELETE', `/Users/${user.id}`, { headers: H });
      expect(d.status).toBe(204);
      expectError(await call(dir, 'GET', `/Users/${user.id}`, { headers: H }), 404);
      expectError(await call(dir, 'DELETE', `/Users/${user.id}`, { headers: H }), 404);
      expectError(await call(dir, 'DELETE', `/Users/${entra.randomGuid()}`, { headers: H }), 404);
    });

    it('10. groups: create, duplicate 409 uniqueness, filter/get without members, no-path replaces, members, delete', async () => {
      const name = `Validator Group ${uniq(6)}`;
      const created = await call(dir, 'POST', '/Groups', { body: entra.createGroupBody(name), headers: HB });
      expect(created.status, describeCall(created)).toBe(201);
      const gid: string = created.body.id;
      expectError(await call(dir, 'POST', '/Groups', { body: entra.createGroupBody(name), headers: HB }), 409, 'uniqueness');
      expectError(await call(dir, 'POST', '/Groups', { body: entra.createGroupBody(name.toLowerCase()), headers: HB }), 409, 'uniqueness');

      const f = await call(dir, 'GET', `/Groups?excludedAttributes=members&filter=${encodeURIComponent(`displayName eq "${name.toLowerCase()}"`)}`, {
        headers: H,
      });
      expectList(f);
      expect(f.body.totalResults).toBe(1);
      expect('members' in f.body.Resources[0]).toBe(false);
      const g1 = await call(dir, 'GET', `/Groups/${gid}?excludedAttributes=members`, { headers: H });
      expect('members' in g1.body).toBe(false);

      const ext = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.validatorNoPathReplace({ externalId: 'grp-ext-1' }), headers: HB });
      expect(ext.status, describeCall(ext)).toBe(204);
      const dn = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.validatorNoPathReplace({ displayName: `${name} 2` }), headers: HB });
      expect(dn.status, describeCall(dn)).toBe(204);
      const after = await getOk(dir, `/Groups/${gid}`);
      expect(after.externalId).toBe('grp-ext-1');
      expect(after.displayName).toBe(`${name} 2`);

      const [a, b] = await Promise.all([createUser(dir, simpleUser(`ga_${uniq(6)}`)), createUser(dir, simpleUser(`gb_${uniq(6)}`))]);
      expect((await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.validatorAddMember(a.id), headers: HB })).status).toBe(204);
      expect(await memberIds(dir, gid)).toEqual([a.id]);
      expect((await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.removeMemberFlag(a.id), headers: HB })).status).toBe(204);
      expect(await memberIds(dir, gid)).toEqual([]);

      // Preview: add then remove by filter in one request (here: add b, remove b, keep a).
      await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.validatorAddMember(a.id), headers: HB });
      const both = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.validatorAddThenRemoveMember(b.id, b.id), headers: HB });
      expect(both.status, describeCall(both)).toBe(204);
      expect(await memberIds(dir, gid)).toEqual([a.id]);

      expect((await call(dir, 'DELETE', `/Groups/${gid}`, { headers: H })).status).toBe(204);
      expectError(await call(dir, 'DELETE', `/Groups/${gid}`, { headers: H }), 404);
      expectError(await call(dir, 'DELETE', `/Groups/${entra.randomGuid()}`, { headers: H }), 404);
    });
  });

  describe('§2.4 gallery Logic App', () => {
    let dir: ScimDirectory;
    beforeAll(async () => {
      dir = await newDirectory(t, 'entra');
    });

    it('pagination: 12 users, count=5 pages each echo startIndex; groups likewise', async () => {
      await inBatches(12, 6, (i) => createUser(dir, simpleUser(`page${i}_${uniq(5)}`)));
      const seen: string[] = [];
      for (let page = 0; page < 3; page++) {
        const start = page * 5 + 1;
        const r = await call(dir, 'GET', `/Users?startIndex=${start}&count=5`, { headers: H });
        expectList(r);
        expect(r.body.startIndex).toBe(start);
        expect(r.body.totalResults).toBe(12);
        expect(r.body.Resources.length).toBe(page < 2 ? 5 : 2);
        seen.push(...r.body.Resources.map((x: { id: string }) => x.id));
      }
      expect(new Set(seen).size).toBe(12);

      await inBatches(7, 7, (i) => createGroup(dir, entra.createGroupBody(`page group ${i} ${uniq(4)}`)));
      const g2 = await call(dir, 'GET', '/Groups?startIndex=6&count=5', { headers: H });
      expectList(g2);
      expect(g2.body.startIndex).toBe(6);
      expect(g2.body.Resources.length).toBe(2);
    });

    it('null update: optional attributes to "" then to null → 200/204, GET shows them empty or absent', async () => {
      const attrs = ['title', 'nickName', 'preferredLanguage', 'displayName', `${ENTERPRISE_URN}:department`];
      const body = simpleUser(`null_${uniq(6)}`, {
        schemas: [USER_URN, ENTERPRISE_URN],
        title: 'T',
        nickName: 'N',
        preferredLanguage: 'de-DE',
        displayName: 'D',
        [ENTERPRISE_URN]: { department: 'Dept' },
      });
      const user = await createUser(dir, body);
      for (const value of ['', null] as const) {
        const r = await call(dir, 'PATCH', `/Users/${user.id}`, { body: entra.nullUpdate(attrs, value), headers: HB });
        expectStatus(r, [200, 204]);
        const g = await getOk(dir, `/Users/${user.id}`);
        for (const a of ['title', 'nickName', 'preferredLanguage', 'displayName'])
          expect(emptyish(g[a]), `${a} after ${JSON.stringify(value)}: ${g[a]}`).toBe(true);
        expect(emptyish(g[ENTERPRISE_URN]?.department)).toBe(true);
        expect(g.userName).toBe(body.userName);
        // Refill for the null round.
        await call(dir, 'PATCH', `/Users/${user.id}`, {
          body: patchBody({ op: 'replace', value: { title: 'T', nickName: 'N', preferredLanguage: 'de-DE', displayName: 'D' } }),
          headers: HB,
        });
      }
    });

    it('single-valued string / boolean PATCHes round-trip; match-attribute filters answer 200, never 404', async () => {
      const user = await createUser(dir, simpleUser(`sv_${uniq(6)}`));
      const r = await call(dir, 'PATCH', `/Users/${user.id}`, {
        body: patchBody({ op: 'replace', path: 'title', value: 'Engineer' }, { op: 'replace', path: 'active', value: false }),
        headers: HB,
      });
      expect(r.status, describeCall(r)).toBe(200);
      const g = await getOk(dir, `/Users/${user.id}`);
      expect(g.title).toBe('Engineer');
      expect(g.active).toBe(false);
      for (const q of [
        entra.eqFilterQuery('userName', 'nobody-here'),
        entra.eqFilterQuery('externalId', 'nobody'),
        entra.eqFilterQuery('emails[type eq "work"].value', 'no@x.y'),
      ]) {
        expectEmptyList(await call(dir, 'GET', `/Users${q}`, { headers: H }));
      }
      const byMail = await call(dir, 'GET', `/Users${entra.eqFilterQuery('emails[type eq "work"].value', String((user.emails as Email[])[0].value))}`, {
        headers: H,
      });
      expect(byMail.body.totalResults).toBe(1);
    });
  });

  describe('§2.5 Microsoft reference-server suite', () => {
    let dir: ScimDirectory;
    let u1: JsonObject & { id: string };
    let u2: JsonObject & { id: string };
    const name1 = `UserName123_${uniq(5)}`;
    const name2 = `UserName222_${uniq(5)}`;

    beforeAll(async () => {
      dir = await newDirectory(t, 'entra');
    });

    it('endpoints: /Users, /Groups, /ResourceTypes, /ServiceProviderConfig, /Schemas', async () => {
      expect((await call(dir, 'GET', '/Users')).status).toBe(200);
      expect((await call(dir, 'GET', '/Groups')).status).toBe(200);
      const rt = await call(dir, 'GET', '/ResourceTypes');
      expect(rt.body.Resources[0].endpoint).toBe('/Users');
      const spc = await call(dir, 'GET', '/ServiceProviderConfig');
      expect(spc.body.patch.supported).toBe(true);
      const sc = await call(dir, 'GET', '/Schemas');
      expect(sc.text).toContain('User Account');
    });

    it('users 1–2: POST with "Primary", "Department", "Manager": {"Value"} (names case-insensitive) → 201, GET by id', async () => {
      const r1 = await call(dir, 'POST', '/Users', { body: entra.refUser1(name1) });
      expect(r1.status, describeCall(r1)).toBe(201);
      u1 = r1.body;
      const r2 = await call(dir, 'POST', '/Users', { body: entra.refUser2(name2) });
      expect(r2.status, describeCall(r2)).toBe(201);
      u2 = r2.body;
      const g1 = await getOk(dir, `/Users/${u1.id}`);
      const work = (g1.emails as Email[]).find((e) => e.type === 'work');
      expect(work?.primary, JSON.stringify(g1.emails)).toBe(true);
      const g2 = await getOk(dir, `/Users/${u2.id}`);
      expect(g2[ENTERPRISE_URN]?.department, JSON.stringify(g2[ENTERPRISE_URN])).toBe('bob');
      expect(g2[ENTERPRISE_URN]?.manager?.value, JSON.stringify(g2[ENTERPRISE_URN])).toBe('SuzzyQ');
    });

    it('3. ?attributes=userName,emails → 200 with only those (plus id/schemas)', async () => {
      const r = await call(dir, 'GET', `/Users/${u1.id}?attributes=userName,emails`);
      expect(r.status).toBe(200);
      expect(r.body.id).toBe(u1.id);
      expect(r.body.userName).toBe(name1);
      expect(r.body.emails.length).toBe(2);
      expect(r.body.displayName).toBeUndefined();
      expect(r.body.name).toBeUndefined();
      const l = await call(dir, 'GET', '/Users?attributes=userName,emails');
      expectList(l);
      for (const x of l.body.Resources) expect(x.name).toBeUndefined();
    });

    it('4. GET /Users/?filter=DisplayName+eq+%22BobIsAmazing%22 (trailing slash) finds the user', async () => {
      const r = await call(dir, 'GET', '/Users/?filter=DisplayName+eq+%22BobIsAmazing%22');
      expectList(r);
      expect(r.body.totalResults).toBe(1);
      expect(r.body.Resources[0].id).toBe(u1.id);
    });

    it('5. PATCH Replace userName → 200/204, later GET shows it', async () => {
      const nn = `${name1}_patched`;
      const r = await call(dir, 'PATCH', `/Users/${u1.id}`, { body: entra.refPatchReplace('userName', nn) });
      expectStatus(r, [200, 204]);
      expect((await getOk(dir, `/Users/${u1.id}`)).userName).toBe(nn);
    });

    it('6. PUT the full user → 200; later GET shows name.formatted changed', async () => {
      const r = await call(dir, 'PUT', `/Users/${u2.id}`, { body: entra.refPutUser(u2.id, name2, 'Formatted Anew') });
      expect(r.status, describeCall(r)).toBe(200);
      const g = await getOk(dir, `/Users/${u2.id}`);
      expect(g.name.formatted).toBe('Formatted Anew');
      expect(g.active).toBe(false);
    });

    it('groups: POST empty/non-empty, PUT two members, add with extra keys + "new User", remove/re-add, remove all, DELETE', async () => {
      const gEmpty = await call(dir, 'POST', '/Groups', { body: entra.refGroupBody(`Group1DisplayName ${uniq(5)}`) });
      expect(gEmpty.status, describeCall(gEmpty)).toBe(201);
      const gFull = await call(dir, 'POST', '/Groups', { body: entra.refGroupBody(`Group2DisplayName ${uniq(5)}`, [u1.id]) });
      expect(gFull.status, describeCall(gFull)).toBe(201);
      expect(await memberIds(dir, gFull.body.id)).toEqual([u1.id]);

      const gid: string = gEmpty.body.id;
      const putName = `Group1 put ${uniq(5)}`;
      const put = await call(dir, 'PUT', `/Groups/${gid}`, { body: { ...entra.refGroupBody(putName, [u1.id, u2.id]), id: gid } });
      expect(put.status, describeCall(put)).toBe(200);
      expect(put.body.displayName).toBe(putName);
      const afterPut = await call(dir, 'GET', `/Groups/${gid}`);
      expect(afterPut.text).toContain(u1.id);
      expect(afterPut.text).toContain(u2.id);

      const add = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.refRemoveAllMembers() });
      expect(add.status, describeCall(add)).toBe(204);
      const a2 = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.refAddMemberWithName(u1.id, 'new User') });
      expect(a2.status, describeCall(a2)).toBe(204);
      expect((await call(dir, 'GET', `/Groups/${gid}`)).text).toContain('new User');

      const rm = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.refRemoveMember(u1.id) });
      expect(rm.status, describeCall(rm)).toBe(204);
      expect(await memberIds(dir, gid)).toEqual([]);
      const re = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.refAddMemberWithName(u1.id, 'new User') });
      expect(re.status).toBe(204);
      expect(await memberIds(dir, gid)).toEqual([u1.id]);

      const all = await call(dir, 'PATCH', `/Groups/${gid}`, { body: entra.refRemoveAllMembers() });
      expect(all.status, describeCall(all)).toBe(204);
      const gone = await call(dir, 'GET', `/Groups/${gid}`);
      expect(gone.text).not.toContain('new User');
      expect(gone.body.members ?? []).toEqual([]);

      const ex = await call(dir, 'GET', `/Groups/${gFull.body.id}?excludedAttributes=members`);
      expect(ex.status).toBe(200);
      expect('members' in ex.body).toBe(false);

      expect((await call(dir, 'DELETE', `/Groups/${gid}`)).status).toBe(204);
      expect((await call(dir, 'DELETE', `/Groups/${gFull.body.id}`)).status).toBe(204);
    });

    it('complex attributes in ?attributes= → 200 with the email', async () => {
      for (const a of ['emails[type eq "work"]', 'emails[value eq "testing@bob.com"]']) {
        const r = await call(dir, 'GET', `/Users/${u1.id}?attributes=${encodeURIComponent(a)}`);
        expect(r.status, `${a}: ${describeCall(r)}`).toBe(200);
        expect(r.text).toContain('testing@bob.com');
      }
    });

    it('7. DELETE users → 204; teardown lists are Resources: []', async () => {
      expect((await call(dir, 'DELETE', `/Users/${u1.id}`)).status).toBe(204);
      expect((await call(dir, 'DELETE', `/Users/${u2.id}`)).status).toBe(204);
      const users = await call(dir, 'GET', '/Users?attributes=userName');
      expectEmptyList(users);
      expect(users.text).toContain('"Resources":[]');
      const groups = await call(dir, 'GET', '/Groups');
      expectEmptyList(groups);
    });
  });

  describe('§2.5 reference suite: garbage handling and unquoted filters', () => {
    let dir: ScimDirectory;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      dir = await newDirectory(t, 'entra');
    });

    it('POST "active":"True" → 201 active true; four more employees', async () => {
      const r = await call(dir, 'POST', '/Users', { body: entra.refEmployee('emp1', { emails: ['anna33@gmail.com', 'anna33@example.com'] }) });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.active).toBe(true);
      ids.emp1 = r.body.id;
      expect((await getOk(dir, `/Users/${ids.emp1}`)).active).toBe(true);
      ids.emp2 = (await createUser(dir, entra.refEmployee('emp2', { emails: ['emp2@example.org'] }))).id;
      ids.emp3 = (await createUser(dir, entra.refEmployee('emp3', { emails: ['emp3@example.com'], active: true }))).id;
      ids.enterprise = (await createUser(dir, entra.refEmployee('enterprise', { emails: ['anna33@example.com'] }))).id;
      ids.omalley = (await createUser(dir, entra.refEmployee('OMalley', { familyName: 'OMalley', emails: ['omalley@gmail.com'] }))).id;
    });

    it('POST without userName → 400; invalid JSON → 400; duplicate → 409 with detail', async () => {
      expectError(await call(dir, 'POST', '/Users', { body: entra.refUserNoUserName() }), 400);
      expectError(await call(dir, 'POST', '/Users', { rawBody: entra.REF_INVALID_JSON, headers: { 'Content-Type': 'application/json' } }), 400);
      expectError(await call(dir, 'POST', '/Users', { body: entra.refEmployee('emp1') }), 409);
    });

    it('PUT without userName → 400; PUT with unknown "adreses" → 200 (ignored)', async () => {
      expectError(await call(dir, 'PUT', `/Users/${ids.omalley}`, { body: entra.refPutUserNoUserName(ids.omalley) }), 400);
      const r = await call(dir, 'PUT', `/Users/${ids.omalley}`, { body: entra.refPutUserTypo(ids.omalley, 'OMalley') });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.userName).toBe('OMalley');
      expect(r.body.active).toBe(false);
    });

    it('PATCH Replace userName and Replace active false → 2xx ([200, 204]; the reference server answers 204)', async () => {
      const a = await call(dir, 'PATCH', `/Users/${ids.omalley}`, { body: entra.refPatchReplace('userName', 'OMalley') });
      expectStatus(a, [200, 204]);
      const b = await call(dir, 'PATCH', `/Users/${ids.omalley}`, { body: entra.refPatchReplace('active', false) });
      expectStatus(b, [200, 204]);
      expect((await getOk(dir, `/Users/${ids.omalley}`)).active).toBe(false);
    });

    it('?startIndex=1&count=2 → totalResults 5, itemsPerPage 2', async () => {
      const r = await call(dir, 'GET', '/Users?startIndex=1&count=2');
      expectList(r);
      expect(r.body.totalResults).toBe(5);
      expect(r.body.itemsPerPage).toBe(2);
    });

    it.each([
      [entra.REF_UNQUOTED_FILTERS.familyAndEmails, 4],
      [entra.REF_UNQUOTED_FILTERS.userNameStartsWithO, 1],
      [entra.REF_UNQUOTED_FILTERS.createdAfter, 5],
    ])('unquoted filter %s → %i', async (filter, n) => {
      const r = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(filter)}`);
      expectList(r);
      expect(r.body.totalResults).toBe(n);
    });

    it('group PATCH add members with a bare string value → 204, unknown member ignored; group PUT → 200', async () => {
      const g = await createGroup(dir, entra.refGroupBody(`Junk group ${uniq(5)}`));
      const r = await call(dir, 'PATCH', `/Groups/${g.id}`, { body: entra.refAddJunkMember(g.id) });
      expect(r.status, describeCall(r)).toBe(204);
      expect(await memberIds(dir, g.id)).toEqual([]);
      const real = await call(dir, 'PATCH', `/Groups/${g.id}`, { body: entra.refAddJunkMember(g.id, ids.emp1) });
      expectStatus(real, [200, 204]);
      expect(await memberIds(dir, g.id)).toEqual([ids.emp1]);
      const put = await call(dir, 'PUT', `/Groups/${g.id}`, { body: { ...entra.refGroupBody('Junk group renamed'), id: g.id } });
      expect(put.status, describeCall(put)).toBe(200);
      expect(put.body.displayName).toBe('Junk group renamed');
    });
  });

  describe('§2.6 "SCIM Inbound" query shapes', () => {
    let dir: ScimDirectory;
    const active: string[] = [];
    let inactive = '';

    beforeAll(async () => {
      dir = await newDirectory(t, 'entra');
      const made = await inBatches(7, 7, (i) => createUser(dir, simpleUser(`inb${i}_${uniq(5)}`)));
      active.push(...made.map((u) => u.id));
      inactive = (await createUser(dir, simpleUser(`inbOff_${uniq(5)}`, { active: false }))).id;
    });

    function watermark(offsetMs: number): string {
      return new Date(Date.now() + offsetMs).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
    }

    it('count=1 → one resource', async () => {
      const r = await call(dir, 'GET', '/Users?count=1');
      expectList(r);
      expect(r.body.Resources.length).toBe(1);
      expect(r.body.totalResults).toBe(8);
    });

    it('filter=id eq "…" → that user', async () => {
      const r = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`id eq "${active[3]}"`)}`);
      expectList(r);
      expect(r.body.totalResults).toBe(1);
      expect(r.body.Resources[0].id).toBe(active[3]);
    });

    it('active eq true and (meta.lastModified ge … and le <now>)&count=5&startIndex=1, then 6', async () => {
      const wm = watermark(60_000);
      const p1 = await call(dir, 'GET', `/Users${entra.inboundActiveWindowQuery(wm, 1)}`);
      expectList(p1);
      expect(p1.body.totalResults).toBe(7);
      expect(p1.body.Resources.length).toBe(5);
      const p2 = await call(dir, 'GET', `/Users${entra.inboundActiveWindowQuery(wm, 6)}`);
      expectList(p2);
      expect(p2.body.startIndex).toBe(6);
      expect(p2.body.Resources.length).toBe(2);
      const got = [...p1.body.Resources, ...p2.body.Resources].map((x: { id: string }) => x.id);
      expect(got.sort()).toEqual([...active].sort());
      expect(got).not.toContain(inactive);
      const past = await call(dir, 'GET', `/Users${entra.inboundActiveWindowQuery('2001-01-01T00:00:00.0000000Z', 1)}`);
      expectEmptyList(past);
    });

    it('startindex=0 (lower case, zero) and (ActiVe eq true) and meta.lastmodified ge "…"', async () => {
      const r = await call(dir, 'GET', `/Users${entra.inboundDeltaQuery('0001-01-03T00:00:00.0000000Z')}`);
      expectList(r);
      expect(r.body.startIndex).toBe(1);
      expect(r.body.totalResults).toBe(7);
      const later = await call(dir, 'GET', `/Users${entra.inboundDeltaQuery(watermark(60_000))}`);
      expectEmptyList(later);
    });

    it('PATCH the enterprise manager with a string value', async () => {
      const r = await call(dir, 'PATCH', `/Users/${active[0]}`, { body: entra.managerString(active[1], 'Replace') });
      expect(r.status, describeCall(r)).toBe(200);
      expect(managerOf(r.body)).toBe(active[1]);
    });
  });
});
