import { describe, it, expect } from 'vitest';
import { ENTERPRISE_USER_URN as ENT, USER_URN } from '../../scim/types';
import { normalizeUser } from '../../scim/resources/normalize-user';
import { userColumns } from './columns';

describe('userColumns', () => {
  it('derives every column from a full user', () => {
    const user = normalizeUser({
      schemas: [USER_URN, ENT],
      userName: 'Bob@Contoso.com',
      externalId: 'Ext-1',
      displayName: 'Bob Smith',
      title: 'Vice President',
      name: { givenName: 'Bob', familyName: 'Smith' },
      emails: [
        { value: 'Home@X.com', type: 'Home' },
        { value: 'Work@X.com', type: 'work', primary: 'True' },
      ],
      active: 'False',
      [ENT]: { employeeNumber: '42', manager: 'mgr_1' },
    });
    expect(userColumns(user)).toEqual({
      userName: 'Bob@Contoso.com',
      userNameLower: 'bob@contoso.com',
      externalId: 'Ext-1',
      displayNameLower: 'bob smith',
      givenNameLower: 'bob',
      familyNameLower: 'smith',
      titleLower: 'vice president',
      emailLower: 'work@x.com',
      employeeNumber: '42',
      managerId: 'mgr_1',
      active: false,
      emails: [
        { valueLower: 'home@x.com', type: 'home', primary: false },
        { valueLower: 'work@x.com', type: 'work', primary: true },
      ],
    });
  });

  it.each([
    ['no active → true, no email, nulls', { userName: 'a' }, { active: true, emailLower: null, externalId: null, managerId: null }],
    ['first email when none is primary', { userName: 'a', emails: [{ value: 'A@x' }, { value: 'b@x' }] }, { emailLower: 'a@x' }],
    ['email without type', { userName: 'a', emails: [{ value: 'A@x' }] }, { emails: [{ valueLower: 'a@x', type: null, primary: false }] }],
  ])('%s', (_, body, expected) => {
    expect(userColumns(normalizeUser(body))).toMatchObject(expected);
  });

  it('leaves a title too long for its index out of it, as the resource keeps it (SCIM_MAX_STRING_LENGTH allows 16,384)', () => {
    const at = (n: number) => userColumns(normalizeUser({ schemas: [USER_URN], userName: 'u', title: 'T'.repeat(n) })).titleLower;
    expect(at(1024)).toBe('t'.repeat(1024));
    expect(at(1025)).toBeNull();
    expect(at(15_000)).toBeNull();
  });
});
