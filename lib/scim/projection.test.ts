import { describe, it, expect } from 'vitest';
import { projectAttributes } from './projection';
import { ENTERPRISE_USER_URN as ENT, GROUP_URN, USER_URN, type ScimObject } from './types';

const user: ScimObject = {
  schemas: [USER_URN, ENT],
  id: 'usr_1',
  externalId: 'e1',
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  emails: [
    { value: 'b@work.com', type: 'work', primary: true },
    { value: 'b@home.com', type: 'home' },
  ],
  active: true,
  [ENT]: { department: 'Eng', manager: { value: 'm1' } },
  'urn:acme:ext:1.0:User': { badge: '7' },
  meta: { resourceType: 'User', created: '2024-01-01T00:00:00Z', location: 'https://x/Users/usr_1' },
};
const group: ScimObject = { schemas: [GROUP_URN], id: 'grp_1', displayName: 'G', members: [{ value: 'u1' }], meta: { resourceType: 'Group' } };

describe('projectAttributes', () => {
  it('no parameters: the resource unchanged', () => {
    expect(projectAttributes(user, 'User')).toEqual(user);
    expect(projectAttributes(user, 'User', '', null)).toEqual(user);
  });

  it.each<[string, string, ScimObject]>([
    ['userName (teardown query)', 'userName', { userName: 'bjensen' }],
    ['Microsoft suite: userName,emails', 'userName,emails', { userName: 'bjensen', emails: user.emails }],
    ['case-insensitive', 'USERNAME , Active', { userName: 'bjensen', active: true }],
    ['sub-attribute', 'name.givenName', { name: { givenName: 'Barbara' } }],
    ['multi-valued sub-attribute', 'emails.value', { emails: [{ value: 'b@work.com' }, { value: 'b@home.com' }] }],
    [
      'two sub-attributes of one attribute',
      'emails.value,emails.type',
      {
        emails: [
          { value: 'b@work.com', type: 'work' },
          { value: 'b@home.com', type: 'home' },
        ],
      },
    ],
    ['URN-qualified core attribute', `${USER_URN}:name.familyName`, { name: { familyName: 'Jensen' } }],
    ['URN-qualified extension attribute', `${ENT}:department`, { [ENT]: { department: 'Eng' } }],
    ['extension sub-attribute', `${ENT}:manager.value`, { [ENT]: { manager: { value: 'm1' } } }],
    ['the whole extension', ENT, { [ENT]: user[ENT] }],
    ['an unknown extension, whole', 'urn:acme:ext:1.0:User', { 'urn:acme:ext:1.0:User': { badge: '7' } }],
    ['an unknown extension attribute', 'urn:acme:ext:1.0:User:badge', { 'urn:acme:ext:1.0:User': { badge: '7' } }],
    ['Microsoft suite: emails[type eq "work"] read as emails', 'emails[type eq "work"]', { emails: user.emails }],
    ['Microsoft suite: emails[value eq "x,y"] with a comma inside', 'emails[value eq "x,y"],userName', { emails: user.emails, userName: 'bjensen' }],
    ['meta sub-attribute', 'meta.created', { meta: { created: '2024-01-01T00:00:00Z' } }],
    ['unknown name selects nothing', 'nope', {}],
  ])('attributes=%s', (_, attributes, expected) => {
    expect(projectAttributes(user, 'User', attributes)).toEqual({ schemas: user.schemas, id: 'usr_1', ...expected });
  });

  it.each<[string, string, string[], ScimObject?]>([
    ['Entra §2.1 12–13: excludedAttributes=members removes the key', 'members', ['schemas', 'id', 'displayName', 'meta'], group],
    ['case-insensitive and URN-qualified', `${GROUP_URN}:MEMBERS`, ['schemas', 'id', 'displayName', 'meta'], group],
    ['id and schemas cannot be excluded', 'id,schemas,displayName', ['schemas', 'id', 'members', 'meta'], group],
  ])('excludedAttributes: %s', (_, excluded, keys, resource) => {
    expect(Object.keys(projectAttributes(resource ?? user, 'Group', null, excluded))).toEqual(keys);
  });

  it.each<[string, string, (u: ScimObject) => void]>([
    ['sub-attribute', 'name.givenName', (u) => expect(u.name).toEqual({ familyName: 'Jensen' })],
    ['multi-valued sub-attribute', 'emails.primary,emails.type', (u) => expect(u.emails).toEqual([{ value: 'b@work.com' }, { value: 'b@home.com' }])],
    ['extension attribute', `${ENT}:manager`, (u) => expect(u[ENT]).toEqual({ department: 'Eng' })],
    ['a bracketed filter', 'emails[type eq "work"]', (u) => expect(u).not.toHaveProperty('emails')],
  ])('excludedAttributes on a User: %s', (_, excluded, check) => {
    check(projectAttributes(user, 'User', undefined, excluded));
  });

  it('attributes wins over excludedAttributes', () => {
    expect(projectAttributes(user, 'User', 'userName', 'userName')).toEqual({ schemas: user.schemas, id: 'usr_1', userName: 'bjensen' });
  });

  it('does not modify its input', () => {
    const before = structuredClone(user);
    projectAttributes(user, 'User', null, 'name.givenName,emails.value');
    expect(user).toEqual(before);
  });
});
