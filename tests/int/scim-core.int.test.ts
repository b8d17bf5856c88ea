// The SCIM core on a real database (SQLite and PostgreSQL): filters compile to queries that behave the same on
// both, writes are atomic, and concurrent writers neither duplicate nor lose anything.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { call, newDirectory, user } from './scim-helpers';

let dir: DirectoryScope;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = await newDirectory();
  const people = [
    user('Alice.Smith@Example.com', {
      displayName: 'Alice Smith',
      externalId: 'ext-A',
      title: 'Vice President',
      name: { givenName: 'Alice', familyName: 'Smith' },
    }),
    user('bob_jones@example.org', { displayName: 'Bob 100% Jones', name: { givenName: 'Bob', familyName: 'Jones' }, active: false }),
    user('carol@example.com', {
      name: { givenName: 'Carol', familyName: "O'Malley" },
      emails: [
        { value: 'carol@home.example', type: 'home' },
        { value: 'carol@work.example', type: 'work', primary: true },
      ],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: 'E-7' },
    }),
  ];
  for (const p of people) {
    const r = await call(dir, 'POST', 'Users', p);
    expect(r.status).toBe(201);
    ids[p.userName] = r.body.id;
  }
});

let shared: DirectoryScope | null = null;
/**
 * A directory whose users share indexed values, created in this order (the order pages follow: createdAt, then the
 * random id). A few ms apart: two creates within one millisecond (createdAt's precision) would tie and page by id.
 */
async function sharedValues(): Promise<DirectoryScope> {
  if (shared) return shared;
  const d = await newDirectory();
  for (const name of ['first', 'second', 'third']) {
    const r = await call(d, 'POST', 'Users', user(`${name}@example.com`, { title: 'Engineer', emails: [{ value: 'shared@example.com', type: 'work' }] }));
    expect(r.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect((await call(d, 'POST', 'Users', user('only@example.com', { externalId: 'ext-only' }))).status).toBe(201);
  return (shared = d);
}

const filterCases: [string, string[]][] = [
  ['userName eq "alice.smith@example.com"', ['Alice.Smith@Example.com']],
  ['USERNAME EQ "ALICE.SMITH@EXAMPLE.COM"', ['Alice.Smith@Example.com']],
  ['userName sw "bob"', ['bob_jones@example.org']],
  ['userName ew ".org"', ['bob_jones@example.org']],
  ['externalId eq "ext-A"', ['Alice.Smith@Example.com']],
  ['externalId eq "EXT-A"', []],
  ['active eq false', ['bob_jones@example.org']],
  ['name.familyName co "O\'Malley"', ['carol@example.com']],
  ['emails[type eq "work"].value eq "carol@work.example"', ['carol@example.com']],
  ['emails[type eq "home" and value co "home"]', ['carol@example.com']],
  ['emails.value co "example.org"', ['bob_jones@example.org']],
  ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "E-7"', ['carol@example.com']],
  ['not (userName eq "carol@example.com") and active eq true', ['Alice.Smith@Example.com']],
  ['userName eq "nobody@example.com" or externalId eq "ext-A"', ['Alice.Smith@Example.com']],
  ['displayName pr', ['Alice.Smith@Example.com', 'bob_jones@example.org']],
  ['title eq "vice PRESIDENT"', ['Alice.Smith@Example.com']],
  ['not (title eq "Vice President")', ['bob_jones@example.org', 'carol@example.com']],
  ['meta.created gt "2000-01-01T00:00:00Z"', ['Alice.Smith@Example.com', 'bob_jones@example.org', 'carol@example.com']],
  ['meta.lastModified lt "2000-01-01T00:00:00Z"', []],
];

describe('filters on a real database', () => {
  it.each(filterCases)('%s', async (filter, expected) => {
    const r = await call(dir, 'GET', `Users?filter=${encodeURIComponent(filter)}`);
    expect(r.status).toBe(200);
    expect(r.body.totalResults).toBe(expected.length);
    expect(r.body.Resources.map((u: { userName: string }) => u.userName).sort()).toEqual([...expected].sort());
  });

  // LIKE wildcards in an operand match literally on both databases (LIKE … ESCAPE: lib/scim/filter/to-sql.ts).
  it.each([
    ['userName co "_"', 'bob_jones@example.org'],
    ['displayName co "100%"', 'bob_jones@example.org'],
  ])('%s matches the wildcard character literally', async (filter, expected) => {
    const r = await call(dir, 'GET', `Users?filter=${encodeURIComponent(filter)}`);
    const names = r.body.Resources.map((u: { userName: string }) => u.userName);
    expect(names).toEqual([expected]);
  });

  it('sorts by userName both ways, case-insensitively', async () => {
    const asc = await call(dir, 'GET', 'Users?sortBy=userName&sortOrder=ascending');
    const names = asc.body.Resources.map((u: { userName: string }) => u.userName);
    expect(names).toEqual(['Alice.Smith@Example.com', 'bob_jones@example.org', 'carol@example.com']);
    const desc = await call(dir, 'GET', 'Users?sortBy=userName&sortOrder=descending');
    expect(desc.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([...names].reverse());
  });

  it('pages with startIndex and count, reporting the real total', async () => {
    const r = await call(dir, 'GET', 'Users?startIndex=2&count=1');
    expect(r.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    const zero = await call(dir, 'GET', 'Users?count=0');
    expect(zero.body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  // A filtered page that is not full counts its own rows (lib/db/counted-page.ts); every other one is counted.
  // `userName pr` matches all three users, `active eq true` two; users were created Alice, Bob, Carol.
  it.each([
    ['userName pr', 1, 10, 3, 3], // not full, from the first match
    ['userName pr', 2, 10, 3, 2], // not full, from the second match
    ['userName pr', 1, 3, 3, 3], // exactly full: only a count tells whether more follow
    ['userName pr', 1, 2, 3, 2], // full, more follow
    ['userName pr', 3, 2, 3, 1], // the last, partial page
    ['userName pr', 4, 2, 3, 0], // past the last match
    ['userName pr', 9, 2, 3, 0], // far past it
    ['active eq true', 2, 5, 2, 1],
    ['active eq true', 3, 5, 2, 0],
    ['userName eq "nobody@example.com" or active eq false', 1, 5, 1, 1],
    ['externalId eq "no-such"', 1, 5, 0, 0],
    ['externalId eq "no-such"', 2, 5, 0, 0],
    ['userName pr', 1, 0, 3, 0],
  ])('%s from %i, count %i: totalResults %i, %i on the page', async (filter, startIndex, count, total, onPage) => {
    const r = await call(dir, 'GET', `Users?filter=${encodeURIComponent(filter)}&startIndex=${startIndex}&count=${count}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ totalResults: total, startIndex, itemsPerPage: onPage });
    expect(r.body.Resources ?? []).toHaveLength(onPage);
  });

  // An indexed `eq` reads at most two matches first, unsorted (lib/db/counted-page.ts): one or none is the answer;
  // two or more page in creation order like any other filter, whichever the index returned first.
  it.each([
    ['title eq "engineer"', 1, 10, ['first', 'second', 'third']],
    ['title eq "Engineer"', 2, 1, ['second']],
    ['title eq "Engineer"', 3, 5, ['third']],
    ['title eq "Engineer"', 4, 5, []],
    ['emails.value eq "Shared@Example.com"', 1, 2, ['first', 'second']],
    ['emails[type eq "work"].value eq "shared@example.com"', 2, 5, ['second', 'third']],
    ['externalId eq "ext-only"', 1, 5, ['only']],
    ['externalId eq "ext-only"', 2, 5, []],
    ['externalId eq "ext-only"', 1, 0, []],
  ])('%s from %i, count %i: %j', async (filter, startIndex, count, expected) => {
    const shared = await sharedValues();
    const r = await call(shared, 'GET', `Users?filter=${encodeURIComponent(filter)}&startIndex=${startIndex}&count=${count}`);
    expect(r.status).toBe(200);
    const total = filter.includes('ext-only') ? 1 : 3;
    expect(r.body).toMatchObject({ totalResults: total, startIndex, itemsPerPage: expected.length });
    expect((r.body.Resources ?? []).map((u: { userName: string }) => u.userName.split('@')[0])).toEqual(expected);
  });

  it('totals a filtered page of groups the same way', async () => {
    for (const name of ['Team A', 'Team B', 'Team C']) {
      expect((await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: name })).status).toBe(201);
    }
    const page = async (q: string) => (await call(dir, 'GET', `Groups?filter=${encodeURIComponent('displayName sw "Team"')}&${q}`)).body;
    expect(await page('count=10')).toMatchObject({ totalResults: 3, itemsPerPage: 3 });
    expect(await page('count=2')).toMatchObject({ totalResults: 3, itemsPerPage: 2 });
    expect(await page('startIndex=3&count=2')).toMatchObject({ totalResults: 3, itemsPerPage: 1 });
    expect(await page('startIndex=5&count=2')).toMatchObject({ totalResults: 3, itemsPerPage: 0 });
    expect((await call(dir, 'GET', `Groups?filter=${encodeURIComponent('displayName eq "Team B"')}`)).body).toMatchObject({ totalResults: 1 });
  });
});

describe('atomic writes', () => {
  it('a PATCH whose last operation fails changes nothing', async () => {
    const id = ids['Alice.Smith@Example.com'];
    const before = await call(dir, 'GET', `Users/${id}`);
    const r = await call(dir, 'PATCH', `Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'replace', path: 'displayName', value: 'Changed' },
        { op: 'remove', path: 'userName' },
      ],
    });
    expect(r.status).toBe(400);
    const after = await call(dir, 'GET', `Users/${id}`);
    expect(after.body).toEqual(before.body);
  });
});

describe('concurrency', () => {
  it('twenty identical creates: exactly one succeeds, the rest conflict', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => call(dir, 'POST', 'Users', user('same@example.com'))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it('concurrent membership PATCHes on one group lose nothing', async () => {
    const g = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Busy' });
    expect(g.status).toBe(201);
    const members: string[] = [];
    for (let i = 0; i < 20; i++) members.push((await call(dir, 'POST', 'Users', user(`member${i}@example.com`))).body.id);
    const results = await Promise.all(
      members.map((m) =>
        call(dir, 'PATCH', `Groups/${g.body.id}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'add', path: 'members', value: [{ value: m }] }],
        }),
      ),
    );
    expect(results.every((r) => r.status === 204)).toBe(true);
    const after = await call(dir, 'GET', `Groups/${g.body.id}`);
    expect(after.body.members.map((m: { value: string }) => m.value).sort()).toEqual([...members].sort());
    expect(after.body.meta.version).toBe('W/"21"');
  });

  it('concurrent PATCHes of different attributes of one user all land', async () => {
    const id = ids['carol@example.com'];
    const attrs = ['title', 'nickName', 'profileUrl', 'userType', 'preferredLanguage', 'locale', 'timezone'];
    const results = await Promise.all(
      attrs.map((a) =>
        call(dir, 'PATCH', `Users/${id}`, {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'add', path: a, value: `v-${a}` }],
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(attrs.map(() => 200));
    const after = await call(dir, 'GET', `Users/${id}`);
    for (const a of attrs) expect(after.body[a]).toBe(`v-${a}`);
  });
});

describe("a user's email rows follow its writes (kept when a write leaves the emails as they were)", () => {
  const found = async (d: DirectoryScope, filter: string) =>
    (await call(d, 'GET', `Users?filter=${encodeURIComponent(filter)}`)).body.Resources.map((r: { userName: string }) => r.userName);

  it.each([
    ['a new name only', {}, ['emails.value eq "dee@work.example"', 'emails[type eq "home"].value eq "dee@home.example"'], []],
    [
      'an email changed',
      { emails: [{ value: 'dee@new.example', type: 'work', primary: true }] },
      ['emails.value eq "dee@new.example"'],
      ['emails.value eq "dee@work.example"', 'emails.value eq "dee@home.example"'],
    ],
    [
      'a type changed',
      {
        emails: [
          { value: 'dee@home.example', type: 'other' },
          { value: 'dee@work.example', type: 'work', primary: true },
        ],
      },
      ['emails[type eq "other"].value eq "dee@home.example"', 'emails.value eq "dee@work.example"'],
      ['emails[type eq "home"].value eq "dee@home.example"'],
    ],
  ])('PUT with %s', async (_label, change, finds, missing) => {
    const d = await newDirectory();
    const emails = [
      { value: 'dee@home.example', type: 'home' },
      { value: 'dee@work.example', type: 'work', primary: true },
    ];
    const created = await call(d, 'POST', 'Users', user('dee@example.com', { emails }));
    expect(created.status).toBe(201);
    const put = await call(d, 'PUT', `Users/${created.body.id}`, user('dee@example.com', { emails, name: { givenName: 'Dee', familyName: 'New' }, ...change }));
    expect(put.status).toBe(200);
    for (const f of finds) expect(await found(d, f), f).toEqual(['dee@example.com']);
    for (const f of missing) expect(await found(d, f), f).toEqual([]);
  });
});
