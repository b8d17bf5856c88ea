// Who a logged SCIM request concerns, for each shape Okta and Entra send (idp-behaviour.md §1.4, §2.1).
import { describe, expect, it } from 'vitest';
import { requestPerson } from './request-person';

const req = (method: string, path: string, query = '') => ({ method, path: path.split('/').filter(Boolean), query: new URLSearchParams(query) });
const ok = (body: unknown, status = 200) => ({ status, headers: {}, body });
const user = {
  id: 'usr_1',
  userName: 'Alice@Example.com',
  externalId: '00u1',
  emails: [{ value: 'x@example.com' }, { value: 'Alice@Example.com', primary: true }],
};
const none = { userId: null, userNameLower: null, emailLower: null, externalId: null };

describe('requestPerson', () => {
  it.each([
    [
      'Okta lookup, no match',
      req('GET', '/Users', 'filter=userName eq "Alice@Example.com"&startIndex=1&count=100'),
      undefined,
      ok({ Resources: [] }),
      { ...none, userNameLower: 'alice@example.com' },
    ],
    [
      'Okta lookup, one match',
      req('GET', '/Users', 'filter=userName eq "alice@example.com"'),
      undefined,
      ok({ Resources: [user] }),
      { userId: 'usr_1', userNameLower: 'alice@example.com', emailLower: 'alice@example.com', externalId: '00u1' },
    ],
    ['Entra lookup by externalId', req('GET', '/Users', 'filter=externalId eq "00u1"'), undefined, ok({ Resources: [] }), { ...none, externalId: '00u1' }],
    [
      'Entra lookup by work email',
      req('GET', '/Users', 'filter=emails[type eq "work"].value eq "Bob@Example.com"'),
      undefined,
      ok({ Resources: [] }),
      { ...none, emailLower: 'bob@example.com' },
    ],
    [
      'create',
      req('POST', '/Users'),
      user,
      ok({ ...user, id: 'usr_2' }, 201),
      { userId: 'usr_2', userNameLower: 'alice@example.com', emailLower: 'alice@example.com', externalId: '00u1' },
    ],
    [
      'refused create keeps who it named',
      req('POST', '/Users'),
      user,
      ok({ detail: 'userName exists' }, 409),
      { userId: null, userNameLower: 'alice@example.com', emailLower: 'alice@example.com', externalId: '00u1' },
    ],
    ['PATCH by id', req('PATCH', '/Users/usr_9'), { Operations: [] }, ok(undefined, 204), { ...none, userId: 'usr_9' }],
    [
      'read by id',
      req('GET', '/Users/usr_1'),
      undefined,
      ok(user),
      { userId: 'usr_1', userNameLower: 'alice@example.com', emailLower: 'alice@example.com', externalId: '00u1' },
    ],
    [
      'escaped quote in a filter',
      req('GET', '/Users', 'filter=userName eq "o\\"neil"'),
      undefined,
      ok({ Resources: [] }),
      { ...none, userNameLower: 'o"neil' },
    ],
  ])('%s', (_, r, json, res, expected) => {
    expect(requestPerson(r, json, res)).toEqual(expected);
  });

  it.each([
    ['a group request', req('GET', '/Groups/grp_1'), ok({ id: 'grp_1' })],
    ['a list without a filter', req('GET', '/Users', 'startIndex=1&count=100'), ok({ Resources: [user, user] })],
    ['discovery', req('GET', '/ServiceProviderConfig'), ok({})],
  ])('%s concerns no person', (_, r, res) => {
    expect(requestPerson(r, undefined, res)).toBeNull();
  });

  it('records no value longer than 256 characters', () => {
    expect(requestPerson(req('POST', '/Users'), { userName: 'a'.repeat(300) }, ok({ detail: 'x' }, 400))).toBeNull();
  });
});
