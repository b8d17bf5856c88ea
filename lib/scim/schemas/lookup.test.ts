import { describe, it, expect } from 'vitest';
import { ENTERPRISE_USER_URN as ENT, USER_URN } from '../types';
import { extensionNamedBy, lookupAttribute, splitAttributeName } from './lookup';

describe('splitAttributeName', () => {
  it.each([
    ['userName', { attr: 'userName' }],
    ['name.givenName', { attr: 'name', sub: 'givenName' }],
    [`${USER_URN}:name.givenName`, { uri: USER_URN, attr: 'name', sub: 'givenName' }],
    [`${ENT}:manager`, { uri: ENT, attr: 'manager' }],
    [ENT, { uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', attr: 'User' }],
  ])('%s', (input, expected) => expect(splitAttributeName(input)).toEqual(expected));
});

describe('lookupAttribute', () => {
  it.each<[string, string, string, boolean, string | undefined]>([
    ['USERNAME', 'userName', USER_URN, false, undefined],
    ['name.GIVENNAME', 'name', USER_URN, false, 'givenName'],
    [`${USER_URN.toUpperCase()}:name.givenName`, 'name', USER_URN, false, 'givenName'],
    [`${ENT}:manager`, 'manager', ENT, true, undefined],
    [`${ENT}:Manager.Value`, 'manager', ENT, true, 'value'],
    ['meta.created', 'meta', USER_URN, false, 'created'],
    ['id', 'id', USER_URN, false, undefined],
    ['externalId', 'externalId', USER_URN, false, undefined],
  ])('User %s → %s', (input, name, urn, extension, sub) => {
    const r = lookupAttribute('User', input);
    expect(r?.definition.name).toBe(name);
    expect(r?.schemaUrn).toBe(urn);
    expect(r?.extension).toBe(extension);
    expect(r?.subDefinition?.name).toBe(sub);
  });

  it.each([
    ['foo', 'User'],
    ['manager', 'User'], // unqualified names are core unless extensionFallback
    [`${ENT}:userName`, 'User'],
    ['urn:acme:ext:1.0:User:badge', 'User'],
    ['userName', 'Group'],
  ] as const)('%s is unknown for %s', (input, kind) => expect(lookupAttribute(kind, input)).toBeUndefined());

  it('extensionFallback resolves Entra legacy "manager"', () => {
    expect(lookupAttribute('User', 'manager', { extensionFallback: true })).toMatchObject({ schemaUrn: ENT, extension: true });
  });

  it('Group attributes', () => {
    expect(lookupAttribute('Group', 'MEMBERS.value')?.subDefinition?.name).toBe('value');
    expect(lookupAttribute('Group', 'displayname')?.definition.name).toBe('displayName');
  });

  it('extensionNamedBy recognises the whole extension URN', () => {
    expect(extensionNamedBy('User', splitAttributeName(ENT.toLowerCase()))?.id).toBe(ENT);
    expect(extensionNamedBy('User', splitAttributeName(`${ENT}:manager`))).toBeUndefined();
    expect(extensionNamedBy('Group', splitAttributeName(ENT))).toBeUndefined();
  });
});
