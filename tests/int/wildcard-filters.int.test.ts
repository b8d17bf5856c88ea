// `%` and `_` in a co/ew operand are literal characters on both databases, at the top of a filter and inside a value
// filter (`emails[value co "%"]` once matched every user on SQLite), and a filter whose wildcard operands match more
// than SCIM_MAX_WILDCARD_MATCHES values (set to 4 here) is 400 tooMany on SQLite, where they are expanded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '../../lib/env';
import type { DirectoryScope } from '../../lib/events/event-types';
import { call, newDirectory, user } from './scim-helpers';

process.env.SCIM_MAX_WILDCARD_MATCHES = '4';
const budget = env().scim.maxWildcardMatches;
afterAll(() => {
  delete process.env.SCIM_MAX_WILDCARD_MATCHES;
});

let dir: DirectoryScope;
const sqlite = process.env.TEST_DB !== 'postgres';

beforeAll(async () => {
  dir = await newDirectory();
  const people = [
    user('per%cent@example.com', { displayName: 'Per 100% Cent', emails: [{ value: 'per%cent@example.com', type: 'work' }] }),
    user('under_score@example.com', { emails: [{ value: 'under_score@example.com', type: 'home' }] }),
    user('plain@example.com', { emails: [{ value: 'plain@example.com', type: 'work' }, { value: 'PLAIN@HOME.EXAMPLE', type: 'home' }] }),
  ];
  for (const p of people) expect((await call(dir, 'POST', 'Users', p)).status).toBe(201);
  for (const name of ['50% off', 'a_b', 'plain group']) expect((await call(dir, 'POST', 'Groups', { displayName: name })).status).toBe(201);
});

const users = async (filter: string) => {
  const r = await call(dir, 'GET', `Users?filter=${encodeURIComponent(filter)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.totalResults).toBe(r.body.Resources.length);
  return r.body.Resources.map((u: { userName: string }) => u.userName.split('@')[0]).sort();
};

describe('co / ew with % or _ match literally', () => {
  it.each<[string, string[]]>([
    ['emails[value co "%"]', ['per%cent']],
    ['emails[value co "_"]', ['under_score']],
    ['emails[value ew "%cent@example.com"]', ['per%cent']],
    ['emails[type eq "work" and value co "%"]', ['per%cent']],
    ['emails[type eq "work" and value co "_"]', []],
    ['emails[type eq "home" or value co "%"]', ['per%cent', 'plain', 'under_score']],
    ['emails[not (value co "%")]', ['plain', 'under_score']],
    ['not (emails[value co "%"])', ['plain', 'under_score']],
    ['emails[value co "%%"]', []],
    ['emails co "%"', ['per%cent']],
    ['emails.value co "_"', ['under_score']],
    ['userName co "%" or userName co "_"', ['per%cent', 'under_score']],
    ['userName co "%" and userName co "_"', []],
    ['displayName co "100%"', ['per%cent']],
    ['displayName co "0%"', ['per%cent']],
    ['name.givenName co "_"', []],
    ['userName ew "_score@example.com"', ['under_score']],
  ])('%s', async (filter, expected) => {
    expect(await users(filter)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['displayName co "%"', ['50% off']],
    ['displayName co "_"', ['a_b']],
    ['displayName ew "%"', []],
  ])('Groups: %s', async (filter, expected) => {
    const r = await call(dir, 'GET', `Groups?filter=${encodeURIComponent(filter)}`);
    expect(r.status).toBe(200);
    expect(r.body.Resources.map((g: { displayName: string }) => g.displayName)).toEqual(expected);
  });
});

describe('one budget for the whole filter', () => {
  it(`matches up to SCIM_MAX_WILDCARD_MATCHES (${budget}) values in all`, async () => {
    // 4 values: two leaves on userName match one each, two on emails one each.
    expect(await users('userName co "%" or userName co "_" or emails[value co "%"] or emails[value co "_"]')).toEqual(['per%cent', 'under_score']);
  });

  it('is 400 tooMany past it on SQLite, counting every leaf', async () => {
    // 5 values: two userNames, two emails, one displayName.
    const r = await call(dir, 'GET', `Users?filter=${encodeURIComponent('userName co "_" or userName co "%" or emails co "_" or emails co "%" or displayName co "%"')}`);
    if (sqlite) {
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ scimType: 'tooMany', detail: expect.stringContaining('SCIM_MAX_WILDCARD_MATCHES') });
    } else {
      expect(r.status).toBe(200); // PostgreSQL escapes the operand instead: nothing is expanded
    }
  });

  it('100 wildcard leaves on one column are one query, and refused at once when they multiply past the budget', async () => {
    const filter = Array.from({ length: 100 }, () => 'userName co "_"').join(' or ');
    const started = performance.now();
    const r = await call(dir, 'GET', `Users?filter=${encodeURIComponent(filter)}`);
    expect(r.status).toBe(sqlite ? 400 : 200);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
