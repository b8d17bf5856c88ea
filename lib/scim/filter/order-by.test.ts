import { describe, it, expect } from 'vitest';
import { orderBy } from './order-by';
import { GROUP_ATTRS, USER_ATTRS } from './resource-attrs';

const userOrderBy = (sortBy: string | null, sortOrder: string | null) => orderBy(USER_ATTRS, sortBy, sortOrder, 'u');
const groupOrderBy = (sortBy: string | null, sortOrder: string | null) => orderBy(GROUP_ATTRS, sortBy, sortOrder, 'g');

// Case-insensitive attributes sort by their lower-cased column; nullable ones put NULLs last on both databases;
// every order ends with the id, so equal keys come back in one order page after page.
describe('userOrderBy', () => {
  it.each([
    [null, null, 'u."createdAt", u."id"'],
    ['', 'descending', 'u."createdAt", u."id"'],
    ['userName', null, 'u."userNameLower" ASC, u."id"'],
    ['UserName', 'Descending', 'u."userNameLower" DESC, u."id"'],
    ['name.familyName', 'ascending', 'u."familyNameLower" ASC NULLS LAST, u."id"'],
    ['urn:ietf:params:scim:schemas:core:2.0:User:name.givenName', 'DESCENDING', 'u."givenNameLower" DESC NULLS LAST, u."id"'],
    // A multi-valued attribute sorts by its primary value (RFC 7644 §3.4.2.3).
    ['emails', null, 'u."emailLower" ASC NULLS LAST, u."id"'],
    ['emails.value', null, 'u."emailLower" ASC NULLS LAST, u."id"'],
    ['externalId', null, 'u."externalId" ASC NULLS LAST, u."id"'],
    ['meta.lastModified', 'descending', 'u."updatedAt" DESC, u."id"'],
    ['meta.created', null, 'u."createdAt" ASC, u."id"'],
    ['active', null, 'u."active" ASC, u."id"'],
    ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber', null, 'u."employeeNumber" ASC NULLS LAST, u."id"'],
    ['title', 'descending', 'u."titleLower" DESC NULLS LAST, u."id"'],
    // wso2's compliance suite: sortBy=id&sortOrder=ascending; id is already unique
    ['id', 'ascending', 'u."id" ASC'],
    ['id', 'descending', 'u."id" DESC'],
  ] as const)('sortBy=%s sortOrder=%s', (sortBy, sortOrder, expected) => {
    expect(userOrderBy(sortBy, sortOrder)).toBe(expected);
  });

  it.each([
    ['nickName', null, 'cannot sort by "nickName"'],
    ['groups', null, 'cannot sort by "groups"'],
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
    [null, null, 'g."createdAt", g."id"'],
    ['displayName', 'descending', 'g."displayNameLower" DESC, g."id"'],
    ['externalId', null, 'g."externalId" ASC NULLS LAST, g."id"'],
    ['meta.lastModified', null, 'g."updatedAt" ASC, g."id"'],
  ] as const)('sortBy=%s sortOrder=%s', (sortBy, sortOrder, expected) => {
    expect(groupOrderBy(sortBy, sortOrder)).toBe(expected);
  });

  it('refuses a user attribute, and members (multi-valued, no primary)', () => {
    expect(() => groupOrderBy('userName', null)).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
    expect(() => groupOrderBy('members', null)).toThrow(expect.objectContaining({ scimType: 'invalidValue' }));
  });
});
