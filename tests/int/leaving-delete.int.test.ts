// DELETE /Users/{id} under each leaving policy (issue 19), on both databases: the user leaves SCIM entirely (RFC 7644
// §3.6), while "deactivate" and "delete after N days" keep it for the host, deactivated, roleless and in no group;
// the same person POSTed again is linked to that record.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { findUserView } from '../../lib/directory/users/reads';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, toEnvelope } from '../../lib/events/feed';
import { changePolicy, policyOf } from '../../lib/policy/policy-admin';
import { purgeLeavers } from '../../lib/policy/purge-leavers';
import type { LeavingMode } from '../../lib/schemas/policy';
import { createRole, setDefaultRole, setRoleMappings } from '../../lib/roles/roles';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

const eventsOf = async (dir: DirectoryScope) =>
  (await readFeed({ hostId: dir.hostId, afterSeq: 0, limit: 100_000 })).filter((e) => e.directoryId === dir.directoryId).map(toEnvelope);
const hostView = (dir: DirectoryScope, id: string) => read((env) => findUserView(env, { directoryId: dir.directoryId, id }));
const rowsNamed = async (dir: DirectoryScope, userNameLower: string) =>
  (await read(() => all(`SELECT "id" FROM "DirectoryUser" WHERE "directoryId" = ? AND "userNameLower" = ?`, [dir.directoryId, userNameLower]))).length;

/** A directory under `mode`, with a default role and a mapped group holding one user (with an externalId). */
async function setUp(mode: LeavingMode) {
  const dir = await newDirectory();
  const suffix = randomBytes(4).toString('hex');
  const [member, admin] = [`member-${suffix}`, `admin-${suffix}`];
  for (const key of [member, admin]) await createRole(dir.hostId, { key, name: key });
  await setDefaultRole(dir, member);
  await changePolicy({ ...dir, actor: 'test' }, { leaving: { mode, deleteAfterDays: mode === 'delete_after' ? 30 : null } });
  const u = (await call(dir, 'POST', 'Users', user(`leaver-${suffix}@example.com`, { externalId: `ext-${suffix}` }))).body;
  const g = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Admins', members: [{ value: u.id }] })).body;
  await setRoleMappings(dir, [{ groupId: g.id, roleKey: admin }]);
  return { dir, u, g, member, admin, suffix };
}

describe.each(['deactivate', 'delete_after', 'delete'] as const)('DELETE /Users under leaving "%s"', (mode) => {
  const keeps = mode !== 'delete';

  it('is gone from every SCIM read and write (404s, absent from lists and filters); the host keeps it deactivated, roleless, in no group', async () => {
    const { dir, u, g } = await setUp(mode);
    expect((await call(dir, 'DELETE', `Users/${u.id}`)).status).toBe(204);
    expect((await call(dir, 'GET', `Users/${u.id}`)).status).toBe(404);
    for (const filter of [`userName eq "${u.userName}"`, `externalId eq "${u.externalId}"`, `active eq false`, `id eq "${u.id}"`]) {
      const list = await call(dir, 'GET', `Users?filter=${encodeURIComponent(filter)}`);
      expect([list.status, list.body.totalResults, list.body.Resources], filter).toEqual([200, 0, []]);
    }
    expect((await call(dir, 'GET', 'Users?attributes=userName')).body).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await call(dir, 'GET', `Groups/${g.id}`)).body.members ?? []).toEqual([]);
    // Every later operation on the id: 404, and a group can't take it back as a member.
    const ops = { schemas: [PATCH], Operations: [{ op: 'replace', path: 'active', value: true }] };
    expect((await call(dir, 'PATCH', `Users/${u.id}`, ops)).status).toBe(404);
    expect((await call(dir, 'PUT', `Users/${u.id}`, user(u.userName))).status).toBe(404);
    expect((await call(dir, 'DELETE', `Users/${u.id}`)).status).toBe(404);
    const add = { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: u.id }] }] };
    expect((await call(dir, 'PATCH', `Groups/${g.id}`, add)).status).toBeLessThan(300);
    expect((await call(dir, 'GET', `Groups/${g.id}`)).body.members ?? []).toEqual([]);

    const view = await hostView(dir, u.id);
    if (!keeps) return expect(view).toBeNull();
    expect(view && { active: view.row.active, removed: !!view.row.removedAt, groups: view.groups, roles: view.roles }).toEqual({
      active: false,
      removed: true,
      groups: [],
      roles: [],
    });
    expect(view?.row.deactivatedAt).toBeInstanceOf(Date);
    expect((await policyOf(dir.hostId, dir.organizationId)).seatsUsed).toBe(0);
  });

  it(keeps ? 'tells the host: the group left, the update, a deactivation with removedAt' : 'tells the host: directory.user.deleted', async () => {
    const { dir, u, g } = await setUp(mode);
    const before = (await eventsOf(dir)).length;
    await call(dir, 'DELETE', `Users/${u.id}`);
    const events = (await eventsOf(dir)).slice(before);
    if (!keeps) return expect(events.map((e) => e.type)).toEqual(['directory.user.deleted']);
    expect(events.map((e) => e.type)).toEqual(['directory.group.user_removed', 'directory.user.updated', 'directory.user.deactivated']);
    expect(events[0].data).toMatchObject({ group: { id: g.id }, user: { id: u.id, active: false, groups: [], roles: [] } });
    expect(events[1].previousAttributes).toMatchObject({ active: true, removedAt: null, groups: [{ id: g.id }] });
    expect(events[2].data).toMatchObject({ id: u.id, active: false, roles: [], attributes: { active: false } });
    expect((events[2].data as { removedAt: string }).removedAt).toMatch(/^\d{4}-/);
  });

  it(`of a user already inactive: ${keeps ? 'no second deactivation, the update showing it left SCIM' : 'a 404 (the deactivation deleted it)'}`, async () => {
    const { dir, u } = await setUp(mode);
    expect((await call(dir, 'PATCH', `Users/${u.id}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] })).status).toBe(200);
    // Under "delete" the deactivation deleted it already.
    if (mode === 'delete') return expect((await call(dir, 'DELETE', `Users/${u.id}`)).status).toBe(404);
    const before = (await eventsOf(dir)).length;
    expect((await call(dir, 'DELETE', `Users/${u.id}`)).status).toBe(204);
    const events = (await eventsOf(dir)).slice(before);
    // Its groups it left when the IdP deleted it (an inactive user keeps its memberships until then).
    expect(events.map((e) => e.type)).toEqual(['directory.group.user_removed', 'directory.user.updated']);
    expect(events[1].previousAttributes).toMatchObject({ removedAt: null });
    expect(events[1].previousAttributes).not.toHaveProperty('active');
    expect(events[1].data).toMatchObject({ id: u.id, active: false, roles: [], removedAt: expect.stringMatching(/^\d{4}-/) });
    expect((await policyOf(dir.hostId, dir.organizationId)).seatsUsed).toBe(0);
  });

  it('the same person POSTed again (same externalId, or the same userName without one) is linked: 201, the same id, active, its default role', async () => {
    const { dir, u, member, suffix } = await setUp(mode);
    await call(dir, 'DELETE', `Users/${u.id}`);
    const again = await call(dir, 'POST', 'Users', user(`renamed-${suffix}@example.com`, { externalId: u.externalId }));
    expect(again.status).toBe(201);
    expect(again.body.id === u.id).toBe(keeps);
    expect(again.decision).toBe(keeps ? 'linked (same externalId), reactivated, updated (emails, userName)' : 'created');
    expect((await hostView(dir, again.body.id))?.roles).toEqual([member]);
    expect(await rowsNamed(dir, `renamed-${suffix}@example.com`)).toBe(1);

    await call(dir, 'DELETE', `Users/${again.body.id}`);
    const byName = await call(dir, 'POST', 'Users', user(`renamed-${suffix}@example.com`));
    expect([byName.status, byName.body.id === u.id]).toEqual([201, keeps]);
    if (keeps) expect(byName.decision).toMatch(/^linked \(same userName\), reactivated/);
    expect((await call(dir, 'GET', `Users/${byName.body.id}`)).body.active).toBe(true);
    expect(await rowsNamed(dir, `renamed-${suffix}@example.com`)).toBe(1);
  });

  it(mode === 'delete_after' ? 'is purged after its N days' : 'is not purged by the retention job', async () => {
    const { dir, u } = await setUp(mode);
    await call(dir, 'DELETE', `Users/${u.id}`);
    await purgeLeavers(Date.now() + 29 * 86_400_000);
    expect(!!(await hostView(dir, u.id))).toBe(keeps);
    await purgeLeavers(Date.now() + 31 * 86_400_000);
    expect(!!(await hostView(dir, u.id))).toBe(mode === 'deactivate');
  });
});

describe('DELETE /Users under a keeping policy, racing', () => {
  it('a group PATCH adding the user as it is deleted never leaves a membership of a deleted user', async () => {
    for (let round = 0; round < 5; round++) {
      const { dir, u } = await setUp('deactivate');
      const g = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: `Race ${round}` })).body;
      const add = { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: u.id }] }] };
      const [del, patch] = await Promise.all([call(dir, 'DELETE', `Users/${u.id}`), call(dir, 'PATCH', `Groups/${g.id}`, add)]);
      expect([del.status, patch.status < 300]).toEqual([204, true]);
      const left = await read(() => all(`SELECT "groupId" FROM "GroupMembership" WHERE "userId" = ?`, [u.id]));
      expect(left, `round ${round}`).toEqual([]);
    }
  });
});
