import { describe, it, expect } from 'vitest';
import { ENTERPRISE_USER_URN, GROUP_URN, USER_URN, type ScimValue } from '../types';
import { findSchema, resourceTypes, schemasList, serviceProviderConfig } from './discovery';

const BASE = 'https://portal.example.com/scim/v2/dir_1';

function findNull(value: ScimValue, path = ''): string | undefined {
  if (value === null) return path;
  if (Array.isArray(value)) return value.map((v, i) => findNull(v, `${path}[${i}]`)).find(Boolean);
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => findNull(v, `${path}.${k}`))
      .find(Boolean);
  return undefined;
}

describe('discovery', () => {
  it('ServiceProviderConfig has every field the 2016 Okta SPEC test requires non-empty', () => {
    const spc = serviceProviderConfig(BASE);
    expect(spc).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 1000, maxPayloadSize: 1048576 },
      filter: { supported: true, maxResults: 1000 },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      authenticationSchemes: [{ type: 'oauthbearertoken', name: 'OAuth Bearer Token', primary: true }],
      meta: { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` },
    });
    expect(spc).not.toHaveProperty('documentationUri');
    expect(serviceProviderConfig(BASE, 'https://docs.example.com').documentationUri).toBe('https://docs.example.com');
  });

  it('ResourceTypes: User first with endpoint "/Users" (Microsoft suite), Group', () => {
    expect(resourceTypes(BASE)).toEqual([
      expect.objectContaining({
        id: 'User',
        name: 'User',
        endpoint: '/Users',
        schema: USER_URN,
        schemaExtensions: [{ schema: ENTERPRISE_USER_URN, required: false }],
        meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/User` },
      }),
      expect.objectContaining({ id: 'Group', name: 'Group', endpoint: '/Groups', schema: GROUP_URN, schemaExtensions: [] }),
    ]);
  });

  it('Schemas: User, Group, EnterpriseUser then the meta-schemas; no nulls anywhere (Entra)', () => {
    const list = schemasList(BASE);
    expect(list.map((s) => s.id)).toEqual([
      USER_URN,
      GROUP_URN,
      ENTERPRISE_USER_URN,
      'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
      'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
      'urn:ietf:params:scim:schemas:core:2.0:Schema',
    ]);
    expect(findNull(list)).toBeUndefined();
    expect(JSON.stringify(list)).toContain('User Account'); // Microsoft suite: body contains "User Account"
    for (const s of list) expect(s.meta).toEqual({ resourceType: 'Schema', location: `${BASE}/Schemas/${s.id}` });
  });

  it('User schema has the full RFC 7643 §4.1 attribute set', () => {
    const user = findSchema(USER_URN, BASE);
    const names = (user?.attributes as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'userName',
        'name',
        'displayName',
        'nickName',
        'profileUrl',
        'title',
        'userType',
        'preferredLanguage',
        'locale',
        'timezone',
        'active',
        'password',
        'emails',
        'phoneNumbers',
        'ims',
        'photos',
        'addresses',
        'groups',
        'entitlements',
        'roles',
        'x509Certificates',
      ]),
    );
    const attrs = user?.attributes as { name: string; mutability: string; returned: string; subAttributes?: { name: string }[] }[];
    expect(attrs.find((a) => a.name === 'password')).toMatchObject({ mutability: 'writeOnly', returned: 'never' });
    expect(attrs.find((a) => a.name === 'groups')).toMatchObject({ mutability: 'readOnly' });
    expect(attrs.find((a) => a.name === 'userName')).toMatchObject({ required: true, uniqueness: 'server', caseExact: false });
    expect(attrs.find((a) => a.name === 'addresses')?.subAttributes?.map((s) => s.name)).toEqual([
      'formatted',
      'streetAddress',
      'locality',
      'region',
      'postalCode',
      'country',
      'type',
      'primary',
    ]);
  });

  it('every attribute definition carries all RFC 7643 §7 characteristics', () => {
    for (const schema of schemasList(BASE)) {
      const walk = (attrs: ScimValue) => {
        for (const a of attrs as Record<string, ScimValue>[]) {
          for (const key of ['name', 'type', 'multiValued', 'description', 'required', 'caseExact', 'mutability', 'returned', 'uniqueness']) {
            expect(a, `${String(schema.id)} ${String(a.name)}.${key}`).toHaveProperty(key);
          }
          if (a.type === 'complex') walk(a.subAttributes);
          else expect(a).not.toHaveProperty('subAttributes');
        }
      };
      walk(schema.attributes);
    }
  });

  it.each([
    [GROUP_URN, 'Group'],
    [ENTERPRISE_USER_URN.toLowerCase(), 'EnterpriseUser'],
    ['urn:ietf:params:scim:schemas:core:2.0:Schema', 'Schema'],
  ])('findSchema(%s) finds %s, case-insensitively', (id, name) => {
    expect(findSchema(id, BASE)?.name).toBe(name);
  });

  it('findSchema of an unknown id is undefined (→ 404)', () => {
    expect(findSchema('urn:nope')).toBeUndefined();
  });

  it('Group schema: displayName and members{value,$ref,type,display}', () => {
    const attrs = findSchema(GROUP_URN)?.attributes as { name: string; subAttributes?: { name: string }[] }[];
    expect(attrs.find((a) => a.name === 'members')?.subAttributes?.map((s) => s.name)).toEqual(['value', '$ref', 'type', 'display']);
  });

  it('EnterpriseUser: manager{value,$ref,displayName}', () => {
    const attrs = findSchema(ENTERPRISE_USER_URN)?.attributes as { name: string; subAttributes?: { name: string }[] }[];
    expect(attrs.map((a) => a.name)).toEqual(['employeeNumber', 'costCenter', 'organization', 'division', 'department', 'manager']);
    expect(attrs[5].subAttributes?.map((s) => s.name)).toEqual(['value', '$ref', 'displayName']);
  });
});
