import { describe, expect, it } from 'vitest';
import { ENTERPRISE_USER_URN, type ScimObject } from '../scim/types';
import { mapAttributes, type MappingContext } from './mapping';
import { pathsOf, readSource } from './source-paths';
import { extensionUrn, type UserSchema } from './user-schema';

const URN = extensionUrn('acme');
const OKTA = 'urn:okta:acme:1.0:user:custom';
const alice: ScimObject = {
  userName: 'alice@acme.com',
  title: 'Engineer',
  name: { givenName: 'Alice', familyName: 'Ng' },
  emails: [
    { value: 'alice@home.net', type: 'home' },
    { value: 'alice@acme.com', type: 'work', primary: true },
  ],
  phoneNumbers: ['+44 1'],
  [ENTERPRISE_USER_URN]: { department: 'Sales', employeeNumber: '0042', manager: { value: 'usr_boss', displayName: 'Boss' } },
  [OKTA]: { costCenter: 'CC-7', seats: '12', remote: 'False', start: '2024-01-02T03:04:05+02:00' },
  [URN]: { tier: 'Gold' },
};

// [source, value read]
const reads: [string, unknown][] = [
  ['title', 'Engineer'],
  ['TITLE', 'Engineer'],
  ['name.givenName', 'Alice'],
  ['urn:ietf:params:scim:schemas:core:2.0:User:title', 'Engineer'],
  [`${ENTERPRISE_USER_URN}:department`, 'Sales'],
  [`${ENTERPRISE_USER_URN}:manager.value`, 'usr_boss'],
  [`${ENTERPRISE_USER_URN}:manager`, { value: 'usr_boss', displayName: 'Boss' }],
  ['emails[type eq "work"].value', 'alice@acme.com'],
  ['emails[type eq "HOME"].value', 'alice@home.net'],
  ['emails.value', 'alice@acme.com'],
  ['emails', ['alice@home.net', 'alice@acme.com']],
  ['phoneNumbers', ['+44 1']],
  [`${OKTA}:costCenter`, 'CC-7'],
  [`${URN}:tier`, 'Gold'],
  ['nickName', undefined],
  ['emails[type eq "other"].value', undefined],
  ['urn:nobody:1.0:x', undefined],
];

describe('readSource', () => {
  it.each(reads)('%s → %j', (source, value) => expect(readSource(alice, source)).toEqual(value));
  it('refuses what is not a SCIM path', () => expect(() => readSource(alice, 'emails[type eq')).toThrow());
});

describe('pathsOf', () => {
  it('lists the paths a user has values at, extension attributes under their URN, typed elements by type', () => {
    expect([...pathsOf(alice)].sort()).toEqual(
      [
        'userName',
        'title',
        'name.givenName',
        'name.familyName',
        'emails[type eq "home"].value',
        'emails[type eq "work"].value',
        'phoneNumbers',
        `${ENTERPRISE_USER_URN}:department`,
        `${ENTERPRISE_USER_URN}:employeeNumber`,
        `${ENTERPRISE_USER_URN}:manager.value`,
        `${ENTERPRISE_USER_URN}:manager.displayName`,
        `${OKTA}:costCenter`,
        `${OKTA}:seats`,
        `${OKTA}:remote`,
        `${OKTA}:start`,
        `${URN}:tier`,
      ].sort(),
    );
  });
});

const schema: UserSchema = {
  slug: 'acme',
  urn: URN,
  updatedAt: new Date(0),
  fields: [
    { key: 'tier', label: 'Tier', type: 'string', required: false, indexed: false },
    { key: 'department', label: 'Department', type: 'string', required: true, indexed: false },
    { key: 'seats', label: 'Seats', type: 'number', required: false, indexed: false, default: 1 },
    { key: 'remote', label: 'Remote', type: 'boolean', required: false, indexed: false },
    { key: 'start', label: 'Start', type: 'dateTime', required: false, indexed: false },
    { key: 'skills', label: 'Skills', type: 'stringList', required: false, indexed: false },
  ],
};
const ctx = (fields: MappingContext['mapping']['fields']): MappingContext => ({ schema, mapping: { version: 1, fields } });

describe('mapAttributes', () => {
  it('maps each field from the extension by default, with the host default when nothing is sent', () => {
    expect(mapAttributes(alice, ctx({}))).toEqual({
      values: { tier: 'Gold', seats: 1 },
      warnings: [{ field: 'department', value: '', message: 'required, and no source has a value' }],
    });
  });

  it('takes the first source with a value, converted to the field type; fallbacks and the mapping default after', () => {
    const m = ctx({
      department: { sources: ['nickName', `${ENTERPRISE_USER_URN}:department`] },
      seats: { sources: [`${OKTA}:seats`] },
      remote: { sources: [`${OKTA}:remote`] },
      start: { sources: [`${OKTA}:start`] },
      skills: { sources: ['emails'] },
      tier: { sources: ['nickName', 'displayName'], default: 'Basic' },
    });
    expect(mapAttributes(alice, m)).toEqual({
      values: {
        tier: 'Basic',
        department: 'Sales',
        seats: 12,
        remote: false,
        start: '2024-01-02T01:04:05.000Z',
        skills: ['alice@home.net', 'alice@acme.com'],
      },
      warnings: [],
    });
  });

  it('warns for a value that does not convert and moves on to the next source', () => {
    const m = ctx({ seats: { sources: ['title', `${OKTA}:seats`] }, remote: { sources: ['title'] }, department: { sources: ['title'] } });
    const { values, warnings } = mapAttributes(alice, m);
    expect(values).toEqual({ tier: 'Gold', department: 'Engineer', seats: 12 });
    expect(warnings).toEqual([
      { field: 'seats', value: '"Engineer"', message: 'title is not a number' },
      { field: 'remote', value: '"Engineer"', message: 'title is not a boolean' },
    ]);
  });

  it('leaves out of an indexed field a value too long for its index, and moves on to the next source', () => {
    const long = '語'.repeat(1000); // 3,000 bytes: more than an index entry holds (lib/directory/indexable.ts)
    const indexed: UserSchema = { ...schema, fields: schema.fields.map((f) => (f.key === 'department' ? { ...f, indexed: true } : f)) };
    const m: MappingContext = { schema: indexed, mapping: { version: 1, fields: { department: { sources: ['title', `${ENTERPRISE_USER_URN}:department`] } } } };
    const { values, warnings } = mapAttributes({ ...alice, title: long }, m);
    expect(values.department).toBe('Sales');
    expect(warnings).toEqual([{ field: 'department', value: JSON.stringify(long).slice(0, 100), message: "title is too long for the field's index" }]);
    // Not indexed, the same value maps.
    expect(mapAttributes({ ...alice, title: long }, ctx({ department: { sources: ['title'] } })).values.department).toBe(long);
  });
});
