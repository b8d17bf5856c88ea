import { describe, it, expect } from 'vitest';
import { groupOrderBy, userOrderBy } from './to-where';

describe('userOrderBy', () => {
  it.each([
    [null, null, [{ createdAt: 'asc' }, { id: 'asc' }]],
    ['', 'descending', [{ createdAt: 'asc' }, { id: 'asc' }]],
    ['userName', null, [{ userNameLower: 'asc' }, { id: 'asc' }]],
    ['UserName', 'Descending', [{ userNameLower: 'desc' }, { id: 'asc' }]],
    ['name.familyName', 'ascending', [{ familyNameLower: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]],
    ['urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', 'DESCENDING', [{ givenNameLower: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }]],
    ['emails', null, [{ emailLower: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]],
    ['emails.value', null, [{ emailLower: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]],
    ['externalId', null, [{ externalId: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]],
    ['meta.lastModified', 'descending', [{ updatedAt: 'desc' }, { id: 'asc' }]],
    ['meta.created', null, [{ createdAt: 'asc' }, { id: 'asc' }]],
    ['active', null, [{ active: 'asc' }, { id: 'asc' }]],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', null, [{ employeeNumber: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]],
    // wso2's compliance suite: sortBy=id&sortOrder=ascending; id is already unique
    ['id', 'ascending', [{ id: 'asc' }]],
    ['id', 'descending', [{ id: 'desc' }]],
  ] as const)('sortBy=%s sortOrder=%s', (sortBy, sortOrder, expected) => {
    expect(userOrderBy(sortBy, sortOrder)).toEqual(expected);
  });

  it.each([
    ['title', null, 'cannot sort by "title"'],
    ['emails[type eq "work"]', null, "unexpected '['"],
    ['userName', 'up', 'sortOrder must be "ascending" or "descending", not "up"'],
    [null, 'asc', 'sortOrder must be'],
  ])('refuses sortBy=%s sortOrder=%s with 400 invalidValue', (sortBy, sortOrder, message) => {
    let error: unknown;
    try {
      userOrderBy(sortBy, sortOrder);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect((error as { detail: string }).detail).toContain(message);
  });
});

describe('groupOrderBy', () => {
  it.each([
    [null, null, [{ createdAt: 'asc' }, { id: 'asc' }]],
    ['displayName', 'descending', [{ displayNameLower: 'desc' }, { id: 'asc' }]],
    ['externalId', null, [{ externalId: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }]],
    ['meta.lastModified', null, [{ updatedAt: 'asc' }, { id: 'asc' }]],
  ] as const)('sortBy=%s sortOrder=%s', (sortBy, sortOrder, expected) => {
    expect(groupOrderBy(sortBy, sortOrder)).toEqual(expected);
  });

  it('refuses a user attribute', () => {
    expect(() => groupOrderBy('userName', null)).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});
