// `%` and `_` in a co/ew operand are literal characters on both databases, at the top of a filter and inside a value
// filter (`emails[value co "%"]` once matched every user on SQLite): the filter compiler escapes the operand for
// LIKE … ESCAPE on both, so nothing is expanded and no filter needs a budget of matches.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { call, newDirectory, user } from './scim-helpers';

let dir: DirectoryScope;

beforeAll(async () => {
  dir = await newDirectory();
  const people = [
    user('per%cent@example.com', { displayName: 'Per 100% Cent', emails: [{ value: 'per%cent@example.com', type: 'work' }] }),
    user('under_score@example.com', { emails: [{ value: 'under_score@example.com', type: 'home' }] }),
    user('plain@example.com', {
      emails: [
        { value: 'plain@example.com', type: 'work' },
        { value: 'PLAIN@HOME.EXAMPLE', type: 'home' },
      ],
    }),
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

describe('many wildcard leaves', () => {
  it('every leaf on every column is answered exactly, however many values they match', async () => {
    const filter = 'userName co "_" or userName co "%" or emails co "_" or emails co "%" or displayName co "%"';
    expect(await users(filter)).toEqual(['per%cent', 'under_score']);
  });

  it('100 wildcard leaves on one column are answered exactly and at once', async () => {
    const filter = Array.from({ length: 100 }, () => 'userName co "_"').join(' or ');
    const started = performance.now();
    expect(await users(filter)).toEqual(['under_score']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
