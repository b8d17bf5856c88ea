// Who comes in (issue 19), on both databases: the organization's domains and its seat limit, for creates and
// reactivations, across its directories; concurrent creates at the limit never pass it.
import { describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import { createDirectory } from '../../lib/directory/directories';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed } from '../../lib/events/feed';
import { changePolicy, policyOf } from '../../lib/policy/policy-admin';
import type { UpdatePolicyInput } from '../../lib/schemas/policy';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const setActive = (dir: DirectoryScope, id: string, active: boolean) =>
  call(dir, 'PATCH', `Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active } }] });
const policy = (dir: DirectoryScope, input: UpdatePolicyInput) =>
  changePolicy({ hostId: dir.hostId, organizationId: dir.organizationId, actor: 'test' }, input);
const seatEvents = async (dir: DirectoryScope) =>
  (await readFeed({ hostId: dir.hostId, afterSeq: 0, limit: 100_000 })).filter(
    (e) => e.organizationId === dir.organizationId && e.type === 'organization.seat_limit_reached',
  );

describe('domains', () => {
  it.each([
    ['a listed domain', 'ann@acme.com', {}, 201],
    ['a subdomain of a listed one', 'ann@eu.acme.com', {}, 201],
    ['another case', 'Ann@ACME.io', {}, 201],
    ['a foreign userName', 'ann@gmail.com', {}, 403],
    ['a foreign primary email under a listed userName', 'ann@acme.com', { emails: [{ primary: true, value: 'ann@gmail.com' }] }, 403],
    ['a lookalike (notacme.com)', 'ann@notacme.com', {}, 403],
    ['no domain at all', 'ann', { emails: [] }, 403],
  ])('%s: %s → %s', async (_, userName, extra, status) => {
    const dir = await newDirectory();
    await policy(dir, { domains: ['acme.com', 'ACME.io'] });
    const res = await call(dir, 'POST', 'Users', user(userName, extra));
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(res.body).toMatchObject({ status: '403', schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'] });
      expect(res.body.detail).toMatch(/domain "[^"]+" is not one of its domains \(acme\.com, acme\.io\)/);
      expect((await call(dir, 'GET', 'Users')).body.totalResults).toBe(0);
    }
  });
});

describe('seat limit', () => {
  it('refuses the create over it, emits the event on the last seat, and a deactivation frees a seat (Okta then Entra shapes)', async () => {
    const dir = await newDirectory();
    await policy(dir, { seatLimit: 2 });
    const a = await call(dir, 'POST', 'Users', user('a@example.com'));
    expect(await seatEvents(dir)).toHaveLength(0);
    await call(dir, 'POST', 'Users', user('b@example.com', { externalId: 'b' }));
    expect((await seatEvents(dir)).map((e) => JSON.parse(e.data))).toEqual([{ organizationId: dir.organizationId, seatLimit: 2, activeUsers: 2 }]);
    const refused = await call(dir, 'POST', 'Users', user('c@example.com'));
    expect([refused.status, refused.body.detail]).toEqual([
      403,
      "Refused by the organization's provisioning policy: its seat limit of 2 active users is reached",
    ]);
    // An inactive user takes no seat.
    expect((await call(dir, 'POST', 'Users', user('inactive@example.com', { active: false }))).status).toBe(201);
    await setActive(dir, a.body.id, false);
    expect((await call(dir, 'POST', 'Users', user('c@example.com'))).status).toBe(201);
    // Reactivation over the limit is refused and changes nothing.
    const back = await setActive(dir, a.body.id, true);
    expect(back.status).toBe(403);
    expect((await call(dir, 'GET', `Users/${a.body.id}`)).body.active).toBe(false);
    expect((await policyOf(dir.hostId, dir.organizationId)).seatsUsed).toBe(2);
  });

  it('counts every directory of the organization', async () => {
    const dir = await newDirectory();
    const other = (await write((env) => createDirectory(env, { organizationId: dir.organizationId, provider: 'entra' }))).directory;
    const second = { ...dir, directoryId: other.id };
    await policy(dir, { seatLimit: 1 });
    expect((await call(dir, 'POST', 'Users', user('one@example.com'))).status).toBe(201);
    expect((await call(second, 'POST', 'Users', user('two@example.com'))).status).toBe(403);
  });

  it('concurrent creates at the limit never pass it', async () => {
    const dir = await newDirectory();
    const other = (await write((env) => createDirectory(env, { organizationId: dir.organizationId, provider: 'entra' }))).directory;
    await policy(dir, { seatLimit: 5 });
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        call(i % 2 ? dir : { ...dir, directoryId: other.id }, 'POST', 'Users', user(`race${i}@example.com`, { externalId: `r${i}` })),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s !== 201 && s !== 403)).toEqual([]);
    expect((await policyOf(dir.hostId, dir.organizationId)).seatsUsed).toBe(5);
    expect(await seatEvents(dir)).toHaveLength(1);
  });
});
