// Every User PATCH in /work/shared/scim/idp-behaviour.md, request by request.
import { describe, it, expect } from 'vitest';
import { normalizeUser } from '../resources/normalize-user';
import { ENTERPRISE_USER_URN as ENT, PATCH_OP_URN, USER_URN, type ScimObject } from '../types';
import { applyPatch } from './apply-patch';
import { parsePatchRequest } from './parse-patch';

const withWork: ScimObject = normalizeUser({
  schemas: [USER_URN, ENT],
  userName: 'Test_User_1',
  externalId: 'ext-1',
  displayName: 'Test User',
  title: 'Engineer',
  preferredLanguage: 'en-US',
  name: { givenName: 'Test', familyName: 'User', formatted: 'Test User' },
  emails: [{ value: 'old@contoso.com', type: 'work', primary: true }],
  phoneNumbers: [{ value: '111', type: 'work' }],
  addresses: [{ type: 'work', streetAddress: '1 Old St', locality: 'Oldtown' }],
  active: true,
  [ENT]: { employeeNumber: '1', manager: { value: 'mgr-old' } },
});
const bare: ScimObject = normalizeUser({ schemas: [USER_URN], userName: 'Bare_User' });

const run = (ops: unknown[], resource: ScimObject = withWork) =>
  normalizeUser(applyPatch(resource, parsePatchRequest({ schemas: [PATCH_OP_URN], Operations: ops }), 'User'));

type Case = [string, unknown[], (u: ScimObject) => void, ScimObject?];
const cases = (list: Case[]) => it.each(list)('%s', (_, ops, check, resource) => check(run(ops, resource ?? withWork)));

const MGR = `${ENT}:manager`;
const ext = (u: ScimObject) => u[ENT] as ScimObject | undefined;

describe('Okta (§1.4 E)', () => {
  cases([
    ['deactivate: path-less replace {active:false}', [{ op: 'replace', value: { active: false } }], (u) => expect(u.active).toBe(false)],
    [
      'reactivate: path-less replace {active:true}',
      [{ op: 'replace', value: { active: true } }],
      (u) => expect(u.active).toBe(true),
      { ...withWork, active: false },
    ],
    [
      'password sync (inference): {password} ignored, never stored',
      [{ op: 'replace', value: { password: 'p@ss' } }],
      (u) => expect(u).not.toHaveProperty('password'),
    ],
    ['password by path ignored too', [{ op: 'replace', path: 'password', value: 'p@ss' }], (u) => expect(u).not.toHaveProperty('password')],
    [
      'id / meta / schemas / groups inside a value ignored',
      [{ op: 'replace', value: { id: 'x', meta: { version: 'W/"1"' }, schemas: ['urn:x'], groups: [], displayName: 'New' } }],
      (u) => {
        expect(u).toMatchObject({ displayName: 'New', schemas: [USER_URN, ENT] });
        expect(u).not.toHaveProperty('id');
        expect(u).not.toHaveProperty('meta');
        expect(u).not.toHaveProperty('groups');
      },
    ],
  ]);
});

describe('Entra provisioning service (§2.1 steps 6–9)', () => {
  const step6 = [
    { op: 'Replace', path: 'emails[type eq "work"].value', value: 'x@y.com' },
    { op: 'Replace', path: 'name.familyName', value: 'Family2' },
  ];
  cases([
    [
      '6: valuePath replace updates the work email in place',
      step6,
      (u) => {
        expect(u.emails).toEqual([{ value: 'x@y.com', type: 'work', primary: true }]);
        expect(u.name).toEqual({ givenName: 'Test', familyName: 'Family2', formatted: 'Test User' });
      },
    ],
    [
      '6: …and creates it when the user has none',
      step6,
      (u) => {
        expect(u.emails).toEqual([{ type: 'work', value: 'x@y.com' }]);
        expect(u.name).toEqual({ familyName: 'Family2' });
      },
      bare,
    ],
    ['7: Replace userName', [{ op: 'Replace', path: 'userName', value: 'Renamed' }], (u) => expect(u.userName).toBe('Renamed')],
    ['8: Replace active false (E1)', [{ op: 'Replace', path: 'active', value: false }], (u) => expect(u.active).toBe(false)],
    ['8: Replace active "False" (default job, E2)', [{ op: 'Replace', path: 'active', value: 'False' }], (u) => expect(u.active).toBe(false)],
    [
      '9: legacy Add path "manager" with [{$ref, value}]',
      [{ op: 'Add', path: 'manager', value: [{ $ref: '../Users/m1', value: 'm1' }] }],
      (u) => expect(ext(u)?.manager).toEqual({ value: 'm1', $ref: '../Users/m1' }),
      bare,
    ],
    [
      '9: URN path, bare string (E6, validator)',
      [{ op: 'replace', path: MGR, value: 'm2' }],
      (u) => expect(ext(u)).toEqual({ employeeNumber: '1', manager: { value: 'm2' } }),
    ],
    [
      '9: URN path, {value} on a user without the extension',
      [{ op: 'add', path: MGR, value: { value: 'm3' } }],
      (u) => {
        expect(ext(u)).toEqual({ manager: { value: 'm3' } });
        expect(u.schemas).toEqual([USER_URN, ENT]);
      },
      bare,
    ],
    ['9: URN path manager.value', [{ op: 'replace', path: `${MGR}.value`, value: 'm4' }], (u) => expect(ext(u)?.manager).toEqual({ value: 'm4' })],
    ['9: Remove the manager', [{ op: 'Remove', path: MGR }], (u) => expect(ext(u)).toEqual({ employeeNumber: '1' })],
    ['9: Replace manager with ""', [{ op: 'Replace', path: MGR, value: '' }], (u) => expect(ext(u)).toEqual({ employeeNumber: '1' })],
    ['9: Replace manager with {value:""}', [{ op: 'Replace', path: MGR, value: { value: '' } }], (u) => expect(ext(u)).toEqual({ employeeNumber: '1' })],
    [
      '9: removing the last enterprise attribute drops the extension and its URN',
      [
        { op: 'remove', path: MGR },
        { op: 'remove', path: `${ENT}:employeeNumber` },
      ],
      (u) => {
        expect(u).not.toHaveProperty(ENT);
        expect(u.schemas).toEqual([USER_URN]);
      },
    ],
  ]);
});

describe('Entra default job vs aadOptscim062020 (§2.2)', () => {
  cases([
    ['disable, default: "False"', [{ op: 'Replace', path: 'active', value: 'False' }], (u) => expect(u.active).toBe(false)],
    ['disable, flag: false', [{ op: 'replace', path: 'active', value: false }], (u) => expect(u.active).toBe(false)],
    ['add single-valued, default: "Add"', [{ op: 'Add', path: 'nickName', value: 'Babs' }], (u) => expect(u.nickName).toBe('Babs')],
    ['add single-valued, flag: "add"', [{ op: 'add', path: 'nickName', value: 'Babs' }], (u) => expect(u.nickName).toBe('Babs')],
  ]);

  const expectReplaced = (u: ScimObject) => {
    expect(u).toMatchObject({ displayName: 'New Name', externalId: 'ext-2', name: { givenName: 'G2', familyName: 'F2' } });
    expect(u.emails).toEqual([{ value: 'new@contoso.com', type: 'work', primary: true }]);
    expect(ext(u)?.employeeNumber).toBe('99');
    expect(Object.keys(u).filter((k) => k.includes('.') && !k.startsWith('urn:'))).toEqual([]);
  };
  cases([
    [
      'replace several, default: one Replace per path',
      [
        { op: 'Replace', path: 'displayName', value: 'New Name' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' },
        { op: 'Replace', path: 'name.givenName', value: 'G2' },
        { op: 'Replace', path: 'name.familyName', value: 'F2' },
        { op: 'Replace', path: 'externalId', value: 'ext-2' },
        { op: 'Replace', path: `${ENT}:employeeNumber`, value: '99' },
      ],
      expectReplaced,
    ],
    [
      'replace several, flag: valuePath + path-less value with dotted and URN keys',
      [
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'new@contoso.com' },
        {
          op: 'replace',
          value: { displayName: 'New Name', 'name.givenName': 'G2', 'name.familyName': 'F2', externalId: 'ext-2', [`${ENT}:employeeNumber`]: '99' },
        },
      ],
      expectReplaced,
    ],
  ]);
});

describe('scimvalidator.microsoft.com (§2.3)', () => {
  const work = (attr: string, sub: string, value: string) => ({ op: 'replace', path: `${attr}[type eq "work"].${sub}`, value });
  cases([
    ['4: path-less replace userName', [{ op: 'replace', value: { userName: 'new' } }], (u) => expect(u.userName).toBe('new')],
    [
      '5: replace work email/phone/address in place',
      [
        work('emails', 'value', 'e@x'),
        work('phoneNumbers', 'value', '222'),
        work('addresses', 'streetAddress', '2 New St'),
        work('addresses', 'locality', 'Newtown'),
      ],
      (u) => {
        expect(u.emails).toEqual([{ value: 'e@x', type: 'work', primary: true }]);
        expect(u.phoneNumbers).toEqual([{ value: '222', type: 'work' }]);
        expect(u.addresses).toEqual([{ type: 'work', streetAddress: '2 New St', locality: 'Newtown' }]);
      },
    ],
    [
      '5: …creates the elements when absent, never storing the path as a key',
      [
        work('emails', 'value', 'e@x'),
        work('phoneNumbers', 'value', '222'),
        work('addresses', 'streetAddress', '2 New St'),
        work('addresses', 'locality', 'Newtown'),
      ],
      (u) => {
        expect(u.emails).toEqual([{ type: 'work', value: 'e@x' }]);
        expect(u.phoneNumbers).toEqual([{ type: 'work', value: '222' }]);
        expect(u.addresses).toEqual([{ type: 'work', streetAddress: '2 New St', locality: 'Newtown' }]);
        expect(Object.keys(u).sort()).toEqual(['addresses', 'emails', 'phoneNumbers', 'schemas', 'userName']);
      },
      bare,
    ],
    [
      '6: add displayName, title, nickName',
      [
        { op: 'add', path: 'displayName', value: 'D' },
        { op: 'add', path: 'title', value: 'T' },
        { op: 'add', path: 'nickName', value: 'N' },
      ],
      (u) => expect(u).toMatchObject({ displayName: 'D', title: 'T', nickName: 'N' }),
      bare,
    ],
    ['7: replace active false', [{ op: 'replace', path: 'active', value: false }], (u) => expect(u.active).toBe(false)],
    ['8: add manager (string)', [{ op: 'add', path: MGR, value: 'm' }], (u) => expect(ext(u)).toEqual({ manager: { value: 'm' } }), bare],
    ['8: replace manager ({value})', [{ op: 'replace', path: MGR, value: { value: 'm9' } }], (u) => expect(ext(u)?.manager).toEqual({ value: 'm9' })],
    ['8: remove manager', [{ op: 'remove', path: MGR }], (u) => expect(ext(u)).not.toHaveProperty('manager')],
    [
      'preview: remove preferredLanguage + add externalId + replace displayName',
      [
        { op: 'remove', path: 'preferredLanguage' },
        { op: 'add', path: 'externalId', value: 'e9' },
        { op: 'replace', path: 'displayName', value: 'DN' },
      ],
      (u) => {
        expect(u).not.toHaveProperty('preferredLanguage');
        expect(u).toMatchObject({ externalId: 'e9', displayName: 'DN' });
      },
    ],
    [
      'preview: remove, add, replace on the same attribute, in order',
      [
        { op: 'remove', path: 'title' },
        { op: 'add', path: 'title', value: 'A' },
        { op: 'replace', path: 'title', value: 'B' },
      ],
      (u) => expect(u.title).toBe('B'),
    ],
  ]);
});

describe('Microsoft reference suite (§2.5) and digest (§2.7)', () => {
  cases([
    [
      'Users 5 / garbage: [{"op":"Replace","path":"userName"}]',
      [{ op: 'Replace', path: 'userName', value: 'Changed' }],
      (u) => expect(u.userName).toBe('Changed'),
    ],
    ['garbage: [{"op":"Replace","path":"active","value":false}]', [{ op: 'Replace', path: 'active', value: false }], (u) => expect(u.active).toBe(false)],
    [
      'roles[].primary "True" comes back as true (E8)',
      [{ op: 'add', path: 'roles', value: [{ value: 'Admin', primary: 'True', display: 'Admin' }] }],
      (u) => expect(u.roles).toEqual([{ value: 'Admin', primary: true, display: 'Admin' }]),
    ],
    [
      'path-less value with the whole extension object',
      [{ op: 'replace', value: { [ENT]: { Department: 'Ops', Manager: 'm5' } } }],
      (u) => expect(ext(u)).toEqual({ employeeNumber: '1', manager: { value: 'm5' }, department: 'Ops' }),
    ],
    [
      'whole extension by path',
      [{ op: 'add', path: ENT, value: { costCenter: 'CC' } }],
      (u) => expect(ext(u)).toMatchObject({ costCenter: 'CC', employeeNumber: '1' }),
    ],
    ['remove the whole extension by path', [{ op: 'remove', path: ENT }], (u) => expect(u).not.toHaveProperty(ENT)],
    [
      'path-less replace with the extension set to null removes it',
      [{ op: 'replace', value: { [ENT]: null, title: null } }],
      (u) => {
        expect(u).not.toHaveProperty(ENT);
        expect(u).not.toHaveProperty('title');
      },
    ],
    [
      'Entra "Primary" casing inside a PATCH value',
      [{ op: 'add', path: 'emails', value: [{ Value: 'p@x', Primary: 'True' }] }],
      (u) =>
        expect(u.emails).toEqual([
          { value: 'old@contoso.com', type: 'work', primary: false },
          { value: 'p@x', primary: true },
        ]),
    ],
    ['unknown key in a path-less value is kept as sent', [{ op: 'add', value: { favouriteColour: 'blue' } }], (u) => expect(u.favouriteColour).toBe('blue')],
  ]);
});
