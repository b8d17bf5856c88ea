// The portal's searches take `%` and `_` literally (LIKE … ESCAPE): users and groups by name, and the request log's
// search by person.
import { beforeAll, describe, expect, it } from 'vitest';
import { read } from '../../lib/db/database';
import { pageGroups } from '../../lib/directory/groups/reads';
import { pageUsers } from '../../lib/directory/users/reads';
import type { DirectoryScope } from '../../lib/events/event-types';
import { requestLogPage } from '../../lib/portal/request-log-page';
import { flushRequestLog, logScimRequest } from '../../lib/scim/request-log';
import { call, newDirectory, user } from './scim-helpers';

let dir: DirectoryScope;

beforeAll(async () => {
  dir = await newDirectory();
  for (const name of ['a_c@example.com', 'abc@example.com', '100%@example.com', '1000@example.com']) {
    expect((await call(dir, 'POST', 'Users', user(name, { displayName: `Person ${name}` }))).status).toBe(201);
  }
  for (const name of ['Team_A', 'TeamXA', '50% off', '500 off']) {
    expect((await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: name })).status).toBe(201);
  }
  const base = {
    directoryId: dir.directoryId,
    tokenId: null,
    method: 'POST',
    path: '/Users',
    status: 201,
    durationMs: 1,
    resource: 'Users',
    requestBody: null,
    responseBody: null,
    error: null,
  };
  for (const [i, name] of ['a_c@example.com', 'abc@example.com'].entries()) {
    logScimRequest({ ...base, person: { userId: null, userNameLower: name, emailLower: name, externalId: null }, at: new Date(Date.now() - 1000 + i) });
  }
  await flushRequestLog();
});

const users = async (query: string) =>
  (await read((env) => pageUsers(env, { directoryId: dir.directoryId, query, limit: 25 }))).rows.map((u) => u.row.userName).sort();
const groups = async (query: string) =>
  (await read((env) => pageGroups(env, { directoryId: dir.directoryId, query, limit: 25 }))).rows.map((g) => g.displayName).sort();
const people = async (person: string) => (await requestLogPage({ directoryId: dir.directoryId, person, limit: 25 })).rows.map((r) => r.userNameLower);

describe('literal % and _ in portal searches', () => {
  it.each([
    ['a_c', ['a_c@example.com']],
    ['100%', ['100%@example.com']],
    ['%', ['100%@example.com']],
    ['a%', []],
    ['Person 1', ['100%@example.com', '1000@example.com']],
  ])('users %s', async (q, expected) => {
    expect(await users(q)).toEqual(expected);
  });

  it.each([
    ['team_', ['Team_A']],
    ['50%', ['50% off']],
    ['_', ['Team_A']],
    ['team', ['TeamXA', 'Team_A']],
  ])('groups %s', async (q, expected) => {
    expect(await groups(q)).toEqual(expected);
  });

  it('request log by person', async () => {
    expect(await people('A_C')).toEqual(['a_c@example.com']);
    expect(await people('a%')).toEqual([]);
    expect((await people('a')).sort()).toEqual(['a_c@example.com', 'abc@example.com']);
  });
});
