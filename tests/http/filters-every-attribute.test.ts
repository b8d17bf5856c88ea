// Issue 18, item 5 and 6 over HTTP on both databases: filters and sorts on every attribute of the core, enterprise
// schemas (columns, related rows and values kept only in `raw`), in RFC 7644 §3.4.2.2's forms, and POST /.search at
// the root answering Users and Groups.
import { beforeAll, describe, expect, it } from 'vitest';
import { newDirectory, targets, type ScimDirectory } from './harness';
import { call, createGroup, createUser, describeCall, expectError, expectList } from './scim-expect';
import { ENTERPRISE_URN, GROUP_URN, SEARCH_URN, USER_URN, type JsonObject } from '../../e2e/fixtures/idp/types';

const people: Record<string, JsonObject> = {
  ada: {
    userName: 'ada@example.com',
    nickName: 'Ada',
    title: 'Engineer',
    userType: 'Employee',
    name: { givenName: 'Ada', familyName: 'Lovelace', middleName: 'Augusta' },
    phoneNumbers: [
      { value: '555-0100', type: 'work', primary: true },
      { value: '555-0199', type: 'mobile' },
    ],
    addresses: [{ locality: 'London', country: 'GB', type: 'work' }],
    [ENTERPRISE_URN]: { department: 'Research', costCenter: 'CC-1', manager: { value: 'mgr_X' } },
  },
  bob: {
    userName: 'bob@example.com',
    nickName: 'bobby',
    title: 'Manager',
    userType: 'Contractor',
    name: { givenName: 'Bob', familyName: 'Babbage' },
    phoneNumbers: [{ value: '555-0200', type: 'mobile' }],
    [ENTERPRISE_URN]: { department: 'sales', costCenter: 'cc-2' },
  },
  cy: {
    userName: 'cy@example.com',
    title: 'engineer',
    name: { givenName: 'Cy', familyName: 'Hopper' },
    entitlements: [{ value: 'Admin', primary: true }],
    [ENTERPRISE_URN]: { department: 'RESEARCH' },
  },
};

// [filter, the users it matches]: values kept only in `raw` compare like columns (case-insensitive unless the
// schema says caseExact), absent values never equal anything, `ne` and `not` keep users without the attribute.
const cases: [string, string[]][] = [
  ['nickName eq "ADA"', ['ada']],
  ['nickName pr', ['ada', 'bob']],
  ['not (nickName pr)', ['cy']],
  ['nickName ne "bobby"', ['ada', 'cy']],
  ['not (nickName eq "bobby")', ['ada', 'cy']],
  ['userType sw "emp"', ['ada']],
  ['name.familyName eq "babbage"', ['bob']],
  ['name.middleName co "gust"', ['ada']],
  ['name[givenName eq "cy" or middleName pr]', ['ada', 'cy']],
  ['title eq "engineer"', ['ada', 'cy']],
  [`${ENTERPRISE_URN}:department eq "research"`, ['ada', 'cy']],
  ['department eq "Sales"', ['bob']],
  [`${ENTERPRISE_URN}:costCenter ew "-2"`, ['bob']],
  [`${ENTERPRISE_URN}:manager.value eq "mgr_X"`, ['ada']],
  ['phoneNumbers[type eq "work"].value eq "555-0100"', ['ada']],
  ['phoneNumbers[type eq "mobile"]', ['ada', 'bob']],
  ['phoneNumbers.value sw "555-02"', ['bob']],
  ['phoneNumbers pr', ['ada', 'bob']],
  ['not (phoneNumbers pr)', ['cy']],
  ['phoneNumbers[type eq "work" and primary eq true]', ['ada']],
  ['entitlements[primary eq "True"]', ['cy']],
  ['addresses[locality eq "london" and country eq "GB"]', ['ada']],
  ['(title eq "engineer" and department eq "research") or nickName eq "bobby"', ['ada', 'bob', 'cy']],
  ['title eq "engineer" and not (phoneNumbers pr)', ['cy']],
];

describe.each(targets())('filters on every attribute against $name', (t) => {
  let dir: ScimDirectory;
  const ids: Record<string, string> = {};
  const byId = (id: string) => Object.keys(ids).find((k) => ids[k] === id);
  beforeAll(async () => {
    dir = await newDirectory(t, 'generic');
    for (const [key, body] of Object.entries(people)) ids[key] = (await createUser(dir, { schemas: [USER_URN, ENTERPRISE_URN], ...body })).id;
  });

  it.each(cases)('GET /Users?filter=%s', async (filter, expected) => {
    const r = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(filter)}`);
    expectList(r);
    expect(r.body.Resources.map((u: { id: string }) => byId(u.id)).sort(), describeCall(r)).toEqual(expected);
    expect(r.body.totalResults).toBe(expected.length);
  });

  it('sorts by a value kept only in raw, absent values last, and pages in that order', async () => {
    const names = async (q: string) => (await call(dir, 'GET', `/Users?${q}`)).body.Resources.map((u: { id: string }) => byId(u.id));
    expect(await names('sortBy=nickName')).toEqual(['ada', 'bob', 'cy']);
    expect(await names('sortBy=nickName&sortOrder=descending')).toEqual(['bob', 'ada', 'cy']);
    expect(await names(`sortBy=${ENTERPRISE_URN}:costCenter&sortOrder=descending&startIndex=2&count=1`)).toEqual(['ada']);
    expectError(await call(dir, 'GET', '/Users?sortBy=phoneNumbers'), 400, 'invalidValue');
  });

  it.each([
    ['password eq "x"', 'invalidFilter'],
    ['name eq "x"', 'invalidFilter'],
    ['nickName gt', 'invalidFilter'],
    ['phoneNumbers[primary gt true]', 'invalidFilter'],
    ['urn:example:custom:1.0:User:favouriteColour eq "x"', 'invalidFilter'],
  ])('refuses %s with 400 %s', async (filter, scimType) => {
    expectError(await call(dir, 'GET', `/Users?filter=${encodeURIComponent(filter)}`), 400, scimType);
  });

  describe('POST /.search at the root (RFC 7644 §3.4.3)', () => {
    let groupIds: string[];
    beforeAll(async () => {
      groupIds = [];
      for (const name of ['Engineering', 'Sales']) groupIds.push((await createGroup(dir, { schemas: [GROUP_URN], displayName: name })).id);
    });
    const search = (body: JsonObject) => call(dir, 'POST', '/.search', { body: { schemas: [SEARCH_URN], ...body } });

    it('answers every resource type: users, then groups, paged as one list', async () => {
      const all = await search({});
      expectList(all);
      expect(all.body.totalResults).toBe(5);
      expect(all.body.Resources.map((x: { meta: { resourceType: string } }) => x.meta.resourceType)).toEqual(['User', 'User', 'User', 'Group', 'Group']);
      const page = await search({ startIndex: 3, count: 2 });
      expect(page.body.totalResults).toBe(5);
      expect(page.body.Resources.map((x: { id: string }) => x.id)).toEqual([all.body.Resources[2].id, groupIds[0]]);
      const last = await search({ startIndex: 5, count: 10 });
      expect(last.body.Resources.map((x: { id: string }) => x.id)).toEqual([groupIds[1]]);
    });

    it('a filter on an attribute both types have matches both; one only a type has matches that type', async () => {
      const both = await search({ filter: 'displayName pr or nickName eq "ada"' });
      expect(both.body.Resources.map((x: { id: string }) => x.id)).toEqual([ids.ada, ...groupIds]);
      // An attribute a type lacks is absent on its resources: `ne` holds, `eq` and `pr` do not.
      const ne = await search({ filter: 'nickName ne "ada"' });
      expect(ne.body.Resources.map((x: { id: string }) => x.id)).toEqual([ids.bob, ids.cy, ...groupIds]);
      const groups = await search({ filter: 'displayName eq "sales"' });
      expect(groups.body.Resources.map((x: { id: string }) => x.id)).toEqual([groupIds[1]]);
      const users = await search({ filter: 'department eq "research"', sortBy: 'meta.created' });
      expect(users.body.Resources.map((x: { id: string }) => x.id)).toEqual([ids.ada, ids.cy]);
      expectError(await search({ filter: 'favouriteColour eq "x"' }), 400, 'invalidFilter');
    });
  });
});
