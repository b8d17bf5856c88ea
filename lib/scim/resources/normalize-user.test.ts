import { describe, it, expect } from 'vitest';
import { ScimError } from '../errors';
import { ENTERPRISE_USER_URN as ENT, USER_URN, type ScimObject } from '../types';
import { normalizeUser } from './normalize-user';

const user = (extra: ScimObject = {}): ScimObject => ({ schemas: [USER_URN], userName: 'bjensen@example.com', ...extra });

function scimError(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return e;
    throw e;
  }
  throw new Error('expected a ScimError');
}

describe('normalizeUser: IdP bodies', () => {
  it('Okta §1.1 SPEC #6 create body round-trips unchanged', () => {
    const body = {
      schemas: [USER_URN],
      userName: 'Runscope300Hfluaklab151@atko.com',
      name: { givenName: 'Runscope300', familyName: 'Hfluaklab151' },
      emails: [{ primary: true, value: 'Runscope300Hfluaklab151@atko.com', type: 'work' }],
      displayName: 'Runscope300 Hfluaklab151',
      active: true,
    };
    expect(normalizeUser(body)).toEqual(body);
  });

  it('Okta §1.4 A create: password and groups dropped, externalId and locale kept', () => {
    const out = normalizeUser({
      schemas: [USER_URN],
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(out).not.toHaveProperty('password');
    expect(out).not.toHaveProperty('groups');
    expect(out).toMatchObject({ externalId: '00ujl29u0le5T6Aj10h7', locale: 'en-US', userName: 'test.user@okta.local' });
  });

  it('Okta §1.4 D PUT: id, meta, groups ignored; emails[].display and middleName "" kept', () => {
    const out = normalizeUser({
      id: 'usr_1',
      meta: { resourceType: 'User', created: '2024-01-01T00:00:00Z' },
      groups: [{ value: 'grp_1' }],
      ...user({ name: { givenName: 'B', familyName: 'J', middleName: '' } }),
      emails: [{ value: 'b@x.com', display: 'b@x.com', primary: true, type: 'work' }],
    });
    expect(out).not.toHaveProperty('id');
    expect(out).not.toHaveProperty('meta');
    expect(out.name).toEqual({ givenName: 'B', familyName: 'J', middleName: '' });
    expect(out.emails).toEqual([{ value: 'b@x.com', display: 'b@x.com', primary: true, type: 'work' }]);
  });

  it('Entra §2.1 step 4 create: meta ignored, both schemas kept, roles [] kept', () => {
    const out = normalizeUser({
      schemas: [USER_URN, ENT],
      externalId: '0a21',
      userName: 'Test_User_1',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'a@testuser.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    });
    expect(out.schemas).toEqual([USER_URN]); // no extension data, so no extension URN
    expect(out).not.toHaveProperty('meta');
    expect(out.roles).toEqual([]);
  });

  it('Entra §2.1 step 4: null values mean "no value", recursively', () => {
    const out = normalizeUser({
      ...user(),
      title: null,
      phoneNumbers: [{ value: '555', type: 'work' }, null],
      addresses: [{ type: 'work', streetAddress: null, locality: 'Redmond' }],
      [ENT]: { department: null, employeeNumber: '42' },
      preferredLanguage: null,
    });
    expect(out).not.toHaveProperty('title');
    expect(out).not.toHaveProperty('preferredLanguage');
    expect(out.phoneNumbers).toEqual([{ value: '555', type: 'work' }]);
    expect(out.addresses).toEqual([{ type: 'work', locality: 'Redmond' }]);
    expect(out[ENT]).toEqual({ employeeNumber: '42' });
    expect(out.schemas).toEqual([USER_URN, ENT]);
  });

  it('Microsoft suite §2.5 Users 1: attribute names are case-insensitive (Primary, Department, Manager.Value)', () => {
    const out = normalizeUser({
      schemas: [USER_URN, ENT],
      UserName: 'UserName123',
      Active: true,
      DisplayName: 'BobIsAmazing',
      Emails: [{ Primary: 'True', Type: 'work', Value: 'bob@contoso.com' }],
      [ENT.toLowerCase()]: { Department: 'Eng', Manager: { Value: 'mgr1' } },
    });
    expect(out).toEqual({
      schemas: [USER_URN, ENT],
      userName: 'UserName123',
      active: true,
      displayName: 'BobIsAmazing',
      emails: [{ primary: true, type: 'work', value: 'bob@contoso.com' }],
      [ENT]: { department: 'Eng', manager: { value: 'mgr1' } },
    });
  });

  it('Microsoft suite §2.5 garbage: "active":"True" → true; PUT with unknown "adreses" kept', () => {
    const out = normalizeUser(user({ active: 'True', adreses: [{ streetAddress: '1 Way', extra: null }] }));
    expect(out.active).toBe(true);
    expect(out.adreses).toEqual([{ streetAddress: '1 Way' }]);
    expect(normalizeUser(user({ active: 'false' })).active).toBe(false);
  });

  it('Entra: URN-qualified and dotted enterprise keys at top level move into the extension', () => {
    const out = normalizeUser({
      ...user(),
      [`${ENT}:department`]: 'Sales',
      [`${ENT}:manager`]: 'mgr2',
      'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName': 'Barbara',
      'name.familyName': 'Jensen',
    });
    expect(out[ENT]).toEqual({ department: 'Sales', manager: { value: 'mgr2' } });
    expect(out.name).toEqual({ givenName: 'Barbara', familyName: 'Jensen' });
    expect(out.schemas).toEqual([USER_URN, ENT]);
  });

  it.each([
    ['bare string', 'mgr', { manager: { value: 'mgr' } }],
    ['legacy one-element array', [{ $ref: '../Users/m', value: 'm' }], { manager: { $ref: '../Users/m', value: 'm' } }],
    ['empty string', '', undefined],
    ['empty value', { value: '' }, undefined],
  ])('enterprise manager as %s', (_, manager, expected) => {
    const out = normalizeUser({ ...user(), [ENT]: { manager } });
    expect(out[ENT]).toEqual(expected);
  });

  it('keeps unknown schema URNs and their data; core URN added when missing', () => {
    const custom = 'urn:okta:custom:1.0:User';
    const out = normalizeUser({ schemas: [custom], userName: 'x', [custom]: { badge: 7 } });
    expect(out.schemas).toEqual([USER_URN, custom]);
    expect(out[custom]).toEqual({ badge: 7 });
  });

  it('wraps a single object where an array is expected', () => {
    expect(normalizeUser(user({ emails: { value: 'a@b.c' } })).emails).toEqual([{ value: 'a@b.c' }]);
  });

  it('keeps the first primary:true of a multi-valued attribute', () => {
    const out = normalizeUser(
      user({
        emails: [
          { value: 'a', primary: true },
          { value: 'b', primary: 'True' },
        ],
      }),
    );
    expect(out.emails).toEqual([
      { value: 'a', primary: true },
      { value: 'b', primary: false },
    ]);
  });

  it('keeps userName case (Okta 2017 SPEC step 6)', () => {
    expect(normalizeUser(user({ userName: 'MiXeD@Atko.com' })).userName).toBe('MiXeD@Atko.com');
  });
});

describe('normalizeUser: bad input', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['array body', [], 'invalidSyntax', /JSON object/],
    ['string body', 'x', 'invalidSyntax', /JSON object/],
    ['null body', null, 'invalidSyntax', /JSON object/],
    ['no userName (Microsoft suite POST/PUT)', { schemas: [USER_URN] }, 'invalidValue', /userName/],
    ['empty userName', { userName: '  ' }, 'invalidValue', /userName/],
    ['numeric userName', { userName: 5 }, 'invalidValue', /userName/],
    ['name not an object', user({ name: 'Bob' }), 'invalidValue', /"name"/],
    ['emails a string', user({ emails: 'a@b.c' }), 'invalidValue', /"emails"/],
    ['emails[0].value a number', user({ emails: [{ value: 5 }] }), 'invalidValue', /"emails\[0\]\.value"/],
    ['active "maybe"', user({ active: 'maybe' }), 'invalidValue', /"active"/],
    ['primary a number', user({ emails: [{ value: 'a', primary: 1 }] }), 'invalidValue', /emails\[0\]\.primary/],
    ['extension not an object', user({ [ENT]: 'x' }), 'invalidValue', /enterprise/],
    ['department a number', user({ [ENT]: { department: 7 } }), 'invalidValue', /department/],
  ])('%s → 400 %s', (_, body, scimType, detail) => {
    const e = scimError(() => normalizeUser(body));
    expect(e.status).toBe(400);
    expect(e.scimType).toBe(scimType);
    expect(e.detail).toMatch(detail);
  });
});
