// What a directory may store (build item 8): each resource at most SCIM_MAX_RESOURCE_BYTES as stored (413), and at most
// SCIM_MAX_USERS_PER_DIRECTORY users, SCIM_MAX_GROUPS_PER_DIRECTORY groups and SCIM_MAX_MEMBERS_PER_GROUP members a
// group (400 tooMany), set small here. A refused write leaves nothing behind; another directory has quotas of its own.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from '../../lib/env';
import { NEAR_REFRESH_MS } from '../../lib/scim/quotas';
import type { DirectoryScope } from '../../lib/events/event-types';
import { write } from '../../lib/db/database';
import { run } from '../../lib/db/sql-program';
import { call, newDirectory, user } from './scim-helpers';
import { countOf } from './db-rows';

/** What the retention job does to a kept leaver once its days are up (purge-leavers.ts). */
const purgeUser = (id: string) => write(() => run(`DELETE FROM "DirectoryUser" WHERE "id" = ?`, [id]));

process.env.SCIM_MAX_RESOURCE_BYTES = '2048';
process.env.SCIM_MAX_USERS_PER_DIRECTORY = '4';
process.env.SCIM_MAX_GROUPS_PER_DIRECTORY = '2';
process.env.SCIM_MAX_MEMBERS_PER_GROUP = '3';
const limits = env().scim;
for (const k of ['SCIM_MAX_RESOURCE_BYTES', 'SCIM_MAX_USERS_PER_DIRECTORY', 'SCIM_MAX_GROUPS_PER_DIRECTORY', 'SCIM_MAX_MEMBERS_PER_GROUP'])
  delete process.env[k];

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const patch = (...ops: unknown[]) => ({ schemas: [PATCH], Operations: ops });

let dir: DirectoryScope;
const users: string[] = [];

beforeAll(async () => {
  expect(limits).toMatchObject({ maxResourceBytes: 2048, maxUsersPerDirectory: 4, maxGroupsPerDirectory: 2, maxMembersPerGroup: 3 });
  dir = await newDirectory();
  for (const n of [1, 2, 3]) {
    const r = await call(dir, 'POST', 'Users', user(`u${n}@example.com`));
    expect(r.status).toBe(201);
    users.push(r.body.id);
  }
});

const expectSize413 = (r: { status: number; body: { detail?: string } }) => {
  expect(r.status).toBe(413);
  expect(r.body.detail).toMatch(/would take [\d,]+ bytes as stored; the limit is 2,048 \(SCIM_MAX_RESOURCE_BYTES\)/);
};

describe('stored size per resource', () => {
  it('a POST over the limit is 413 and stores nothing; just under it is stored', async () => {
    expectSize413(await call(dir, 'POST', 'Users', user('big@example.com', { title: 'x'.repeat(2100) })));
    expect(await countOf('DirectoryUser', '"directoryId" = ? AND "userNameLower" = ?', [dir.directoryId, 'big@example.com'])).toBe(0);
    const fits = await call(dir, 'POST', 'Users', user('fits@example.com', { title: 'x'.repeat(1500) }));
    expect(fits.status).toBe(201);
    users.push(fits.body.id);
  });

  it('counts bytes, not characters', async () => {
    expectSize413(await call(dir, 'PUT', `Users/${users[0]}`, user('u1@example.com', { title: 'é'.repeat(1000) })));
  });

  it('a PATCH that grows a user past it is 413 and changes nothing; PUT and group writes alike', async () => {
    const before = await call(dir, 'GET', `Users/${users[0]}`);
    expectSize413(
      await call(
        dir,
        'PATCH',
        `Users/${users[0]}`,
        patch({ op: 'add', path: 'nickName', value: 'n'.repeat(1000) }, { op: 'add', path: 'title', value: 't'.repeat(1000) }),
      ),
    );
    expect((await call(dir, 'GET', `Users/${users[0]}`)).body).toEqual(before.body);
    expectSize413(await call(dir, 'POST', 'Groups', { displayName: 'g', description: 'd'.repeat(2100) }));
  });
});

describe('quotas per directory', () => {
  it('users: the limit is reached, the next POST is 400 tooMany naming the setting; a delete makes room, kept or not', async () => {
    // 4 users now (3 + "fits").
    const refused = await call(dir, 'POST', 'Users', user('fifth@example.com'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ scimType: 'tooMany', detail: expect.stringContaining('SCIM_MAX_USERS_PER_DIRECTORY') });
    expect((await call(dir, 'GET', 'Users?count=0')).body.totalResults).toBe(4);
    // The default leaving policy ("deactivate") keeps a deleted user for the host; gone from SCIM, it holds no room.
    const kept = users.pop();
    expect((await call(dir, 'DELETE', `Users/${kept}`)).status).toBe(204);
    const fifth = await call(dir, 'POST', 'Users', user('fifth@example.com'));
    expect([fifth.status, fifth.body.id === kept]).toEqual([201, false]);
    expect((await call(dir, 'POST', 'Users', user('sixth@example.com'))).status).toBe(400);
    // A row deleted outright by another process makes room once the count is read again (NEAR_REFRESH_MS near the limit).
    await purgeUser(fifth.body.id);
    expect((await call(dir, 'POST', 'Users', user('fifth@example.com'))).status).toBe(400);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + NEAR_REFRESH_MS);
    const again = await call(dir, 'POST', 'Users', user('fifth@example.com')).finally(() => vi.useRealTimers());
    expect(again.status).toBe(201);
    users.push(again.body.id);
  });

  it('another directory has its own quota', async () => {
    const other = await newDirectory();
    expect((await call(other, 'POST', 'Users', user('elsewhere@example.com'))).status).toBe(201);
  });

  it('concurrent creates past the last free place: exactly one succeeds', async () => {
    const d = await newDirectory();
    for (const n of [1, 2, 3]) expect((await call(d, 'POST', 'Users', user(`c${n}@example.com`))).status).toBe(201);
    const results = await Promise.all([4, 5, 6, 7, 8].map((n) => call(d, 'POST', 'Users', user(`c${n}@example.com`))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400]);
    expect((await call(d, 'GET', 'Users?count=0')).body.totalResults).toBe(4);
  });

  it('groups, and members per group: POST, PATCH add, PATCH replace and PUT', async () => {
    const [a, b, c] = users;
    const g = await call(dir, 'POST', 'Groups', { displayName: 'Team', members: [{ value: a }, { value: b }] });
    expect(g.status).toBe(201);
    const tooBig = await call(dir, 'POST', 'Groups', { displayName: 'Big', members: users.slice(0, 4).map((value) => ({ value })) });
    expect(tooBig.body).toMatchObject({ scimType: 'tooMany', detail: expect.stringContaining('SCIM_MAX_MEMBERS_PER_GROUP') });
    expect((await call(dir, 'POST', 'Groups', { displayName: 'Second' })).status).toBe(201);
    const third = await call(dir, 'POST', 'Groups', { displayName: 'Third' });
    expect(third.body).toMatchObject({ scimType: 'tooMany', detail: expect.stringContaining('SCIM_MAX_GROUPS_PER_DIRECTORY') });

    const id = g.body.id;
    expect((await call(dir, 'PATCH', `Groups/${id}`, patch({ op: 'add', path: 'members', value: [{ value: c }] }))).status).toBe(204);
    const fourth = await call(dir, 'PATCH', `Groups/${id}`, patch({ op: 'add', path: 'members', value: [{ value: users[3] }] }));
    expect(fourth.body).toMatchObject({ scimType: 'tooMany', detail: expect.stringContaining('SCIM_MAX_MEMBERS_PER_GROUP') });
    expect((await call(dir, 'PATCH', `Groups/${id}`, patch({ op: 'replace', path: 'members', value: [{ value: users[3] }] }))).status).toBe(204);
    expect((await call(dir, 'PATCH', `Groups/${id}`, patch({ op: 'add', path: 'members', value: [{ value: a }, { value: b }] }))).status).toBe(204);
    const put = await call(dir, 'PUT', `Groups/${id}`, { displayName: 'Team', members: users.slice(0, 4).map((value) => ({ value })) });
    expect(put.body).toMatchObject({ scimType: 'tooMany' });
    const members = (await call(dir, 'GET', `Groups/${id}`)).body.members.map((m: { value: string }) => m.value).sort();
    expect(members).toEqual([users[3], a, b].sort());
  });
});
