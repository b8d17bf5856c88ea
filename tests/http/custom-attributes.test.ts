// Issue 18, item 2: everything an IdP sends is stored and visible (SCIM GET, the host API's `attributes`), never
// rejected because it is unknown. Replays Okta's custom-attribute flow (profile-editor attributes under an external
// namespace URN, in POST, PUT and PATCH with and without a path) and Entra's (custom extension attributes, the
// enterprise manager as a value object and as a plain string, "False"-style booleans), on both databases.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, idpTargets, newDirectory, type ScimDirectory } from './harness';
import { call, createUser, describeCall, getOk } from './scim-expect';
import { ENTERPRISE_URN, PATCH_URN, USER_URN, uniq, type JsonObject } from '../../e2e/fixtures/idp/types';

// Okta's profile editor: custom attributes with an external namespace (the host's extension URN), and one without.
const OKTA_EXT = 'urn:ietf:params:scim:schemas:extension:acme:2.0:User';
// Entra's attribute mappings: a custom extension, named as the app's admin typed it.
const ENTRA_EXT = 'urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User';

describe.each(idpTargets())('custom attributes against $name', (t) => {
  let dir: ScimDirectory;
  beforeAll(async () => {
    dir = await newDirectory(t, 'okta');
  });
  const hostUser = async (id: string) => (await api(t, 'GET', `/directories/${dir.directoryId}/users/${id}`)).json();
  const patch = async (id: string, ...Operations: JsonObject[]) => {
    const r = await call(dir, 'PATCH', `/Users/${id}`, { body: { schemas: [PATCH_URN], Operations } });
    expect([200, 204], describeCall(r)).toContain(r.status);
    return getOk(dir, `/Users/${id}`);
  };

  it('Okta: POST, PUT and PATCH (with and without a path) under the external namespace, and unknown core attributes', async () => {
    const userName = `okta.custom.${uniq(6)}@example.com`;
    const base = {
      schemas: [USER_URN, OKTA_EXT],
      userName,
      name: { givenName: 'Oka', familyName: 'Ta' },
      emails: [{ primary: true, value: userName, type: 'work' }],
      active: true,
      // Okta sends a profile attribute with no namespace at the top level.
      favouriteColour: 'teal',
    };
    const created = await createUser(dir, { ...base, [OKTA_EXT]: { licenceTier: 'gold', seats: 3, isContractor: true, skills: ['sql', 'go'] } });
    expect(created[OKTA_EXT]).toEqual({ licenceTier: 'gold', seats: 3, isContractor: true, skills: ['sql', 'go'] });
    expect(created.favouriteColour).toBe('teal');
    expect((created.schemas as string[]).sort()).toEqual([OKTA_EXT, USER_URN].sort());

    const put = await call(dir, 'PUT', `/Users/${created.id}`, { body: { ...base, id: created.id, [OKTA_EXT]: { licenceTier: 'silver', seats: 5 } } });
    expect(put.status, describeCall(put)).toBe(200);
    expect(put.body[OKTA_EXT]).toEqual({ licenceTier: 'silver', seats: 5 });

    // Okta's profile push: replace with no path, the namespace as a key of the value.
    let u = await patch(created.id, { op: 'replace', value: { [OKTA_EXT]: { licenceTier: 'platinum' }, favouriteColour: 'red' } });
    expect(u[OKTA_EXT]).toEqual({ licenceTier: 'platinum', seats: 5 });
    expect(u.favouriteColour).toBe('red');
    // …and with the attribute's full path.
    u = await patch(created.id, { op: 'replace', path: `${OKTA_EXT}:seats`, value: 8 }, { op: 'add', path: `${OKTA_EXT}:region`, value: 'EMEA' });
    expect(u[OKTA_EXT]).toEqual({ licenceTier: 'platinum', seats: 8, region: 'EMEA' });
    u = await patch(created.id, { op: 'remove', path: `${OKTA_EXT}:region` });
    expect(u[OKTA_EXT]).toEqual({ licenceTier: 'platinum', seats: 8 });

    // A user created without the namespace lists it in `schemas` once Okta's profile push adds it.
    const plain = await createUser(dir, { schemas: [USER_URN], userName: `okta.plain.${uniq(6)}@example.com` });
    const pushed = await patch(plain.id, { op: 'replace', value: { [OKTA_EXT]: { licenceTier: 'bronze' } } });
    expect(pushed.schemas).toEqual([USER_URN, OKTA_EXT]);

    const host = await hostUser(created.id);
    expect(host.attributes[OKTA_EXT]).toEqual({ licenceTier: 'platinum', seats: 8 });
    expect(host.attributes.favouriteColour).toBe('red');
  });

  it('Entra: custom extension attributes, manager as an object and as a string, "False"-style booleans', async () => {
    const userName = `entra.custom.${uniq(6)}@example.com`;
    const created = await createUser(dir, {
      schemas: [USER_URN, ENTERPRISE_URN, ENTRA_EXT],
      externalId: `ext-${uniq(6)}`,
      userName,
      active: 'True',
      displayName: 'Entra Custom',
      emails: [{ Primary: 'True', type: 'work', value: userName }],
      [ENTERPRISE_URN]: { Department: 'Finance', employeeNumber: '701984', manager: { value: 'mgr-1' } },
      [ENTRA_EXT]: { CostCode: '4711', IsRemote: 'False' },
    });
    expect(created.active).toBe(true);
    expect(created[ENTERPRISE_URN]).toMatchObject({ department: 'Finance', employeeNumber: '701984', manager: { value: 'mgr-1' } });
    expect(created[ENTRA_EXT]).toEqual({ CostCode: '4711', IsRemote: 'False' });

    // The current engine's PATCH: Add/Replace with a capital letter, the manager as a bare string, a URN path for
    // a custom extension attribute, booleans as strings.
    let u = await patch(
      created.id,
      { op: 'Replace', path: `${ENTERPRISE_URN}:manager`, value: 'mgr-2' },
      { op: 'Add', path: `${ENTRA_EXT}:CostCode`, value: '4712' },
      { op: 'Add', path: `${ENTRA_EXT}:Building`, value: 'B7' },
      { op: 'Replace', path: 'active', value: 'False' },
    );
    expect(u[ENTERPRISE_URN].manager).toEqual({ value: 'mgr-2' });
    expect(u[ENTRA_EXT]).toEqual({ CostCode: '4712', IsRemote: 'False', Building: 'B7' });
    expect(u.active).toBe(false);
    u = await patch(created.id, { op: 'Replace', path: `${ENTERPRISE_URN}:manager`, value: { value: 'mgr-3' } });
    expect(u[ENTERPRISE_URN].manager).toEqual({ value: 'mgr-3' });
    // Entra removes the manager with an empty value.
    u = await patch(created.id, { op: 'Replace', path: `${ENTERPRISE_URN}:manager`, value: '' });
    expect(u[ENTERPRISE_URN].manager).toBeUndefined();
    expect(u[ENTERPRISE_URN].department).toBe('Finance');

    const found = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`${ENTERPRISE_URN}:department eq "finance" and active eq "False"`)}`);
    expect(found.body.Resources.map((x: { id: string }) => x.id)).toEqual([created.id]);
    const host = await hostUser(created.id);
    expect(host.attributes[ENTRA_EXT]).toEqual({ CostCode: '4712', IsRemote: 'False', Building: 'B7' });
    expect(host.attributes[ENTERPRISE_URN].department).toBe('Finance');
  });
});
