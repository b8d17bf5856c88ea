import { describe, it, expect } from 'vitest';
import { ScimError } from '../errors';
import type { PatchPath } from './ast';
import { parseAttrPath, parsePath } from './parse';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const eq = (attr: string, value: string) => ({ kind: 'compare', path: { attr }, op: 'eq', value }) as const;

// PATCH paths Okta and Entra send (idp-behaviour.md §1.4, §2.1, §2.2, §2.3, §2.6) and RFC 7644 §3.5.2's.
const valid: [string, PatchPath][] = [
  ['members', { path: { attr: 'members' } }],
  ['members[value eq "89bb1940-b905-4575-9e7f-6f887cfb368e"]', { path: { attr: 'members' }, filter: eq('value', '89bb1940-b905-4575-9e7f-6f887cfb368e') }],
  ['emails[type eq "work"].value', { path: { attr: 'emails' }, filter: eq('type', 'work'), subAttr: 'value' }],
  ['phoneNumbers[type eq "work"].value', { path: { attr: 'phoneNumbers' }, filter: eq('type', 'work'), subAttr: 'value' }],
  ['addresses[type eq "work"].streetAddress', { path: { attr: 'addresses' }, filter: eq('type', 'work'), subAttr: 'streetAddress' }],
  [`${ENT}:manager`, { path: { uri: ENT, attr: 'manager' } }],
  [`${ENT}:employeeNumber`, { path: { uri: ENT, attr: 'employeeNumber' } }],
  [`${ENT}:manager.value`, { path: { uri: ENT, attr: 'manager', sub: 'value' } }],
  ['name.givenName', { path: { attr: 'name', sub: 'givenName' } }],
  ['name.familyName', { path: { attr: 'name', sub: 'familyName' } }],
  [`${CORE}:name.givenName`, { path: { uri: CORE, attr: 'name', sub: 'givenName' } }],
  ['userName', { path: { attr: 'userName' } }],
  ['active', { path: { attr: 'active' } }],
  ['manager', { path: { attr: 'manager' } }],
  ['preferredLanguage', { path: { attr: 'preferredLanguage' } }],
  [
    'roles[primary eq "True"].value',
    {
      path: { attr: 'roles' },
      filter: { kind: 'compare', path: { attr: 'primary' }, op: 'eq', value: 'True' },
      subAttr: 'value',
    },
  ],
  [
    'emails[type eq "work" and primary eq true]',
    {
      path: { attr: 'emails' },
      filter: { kind: 'and', left: eq('type', 'work'), right: { kind: 'compare', path: { attr: 'primary' }, op: 'eq', value: true } },
    },
  ],
  [`${CORE}:emails[type eq "work"]`, { path: { uri: CORE, attr: 'emails' }, filter: eq('type', 'work') }],
  ['  members[value eq "x"]  ', { path: { attr: 'members' }, filter: eq('value', 'x') }],
];

describe('parsePath: valid paths', () => {
  it.each(valid)('%s', (input, expected) => {
    expect(parsePath(input)).toEqual(expected);
  });
});

const invalid: [string, string][] = [
  ['', 'empty'],
  ['members[', 'expected an attribute path'],
  ['members[value eq "x"', "expected ']'"],
  ['members[value eq "x"]]', "unexpected ']'"],
  ['emails[type eq "work"].', "'.' is not a valid sub-attribute"],
  ['emails[type eq "work"]x', "unexpected 'x'"],
  ['emails[type eq "work"].value.display', "'.value.display' is not a valid sub-attribute"],
  ['name.givenName.x', 'not a valid attribute path'],
  ['members value', "unexpected 'value'"],
  ['members[value xx "x"]', "unknown operator 'xx'"],
  ['members[value eq "x]', 'unterminated string'],
  ['emails[value[type eq "a"] eq "b"]', 'cannot be nested'],
  ['1abc', 'not a valid attribute path'],
  ['(members)', 'expected an attribute path'],
  ['a'.repeat(5000), 'limit is 4096'],
];

describe('parsePath: invalid paths are 400 invalidPath', () => {
  it.each(invalid)('%s', (input, message) => {
    let error: unknown;
    try {
      parsePath(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidPath' });
    expect((error as ScimError).detail).toContain(message);
  });
});

describe('parseAttrPath', () => {
  it('parses a sortBy value and fails with the given type', () => {
    expect(parseAttrPath(`${CORE}:name.familyName`, 'invalidValue')).toEqual({ uri: CORE, attr: 'name', sub: 'familyName' });
    expect(() => parseAttrPath('emails[type eq "work"]', 'invalidValue')).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});
