// What leaving means (issue 19), on both databases: an inactive user holds no role (default included) wherever it is
// read; each leaving policy for `active: false`; a re-provisioned person (same externalId) is linked, never duplicated.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { findUserView } from '../../lib/directory/users/reads';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, toEnvelope } from '../../lib/events/feed';
import { changePolicy } from '../../lib/policy/policy-admin';
import { purgeLeavers } from '../../lib/policy/purge-leavers';
import type { LeavingMode } from '../../lib/schemas/policy';
import { createRole, setDefaultRole, setRoleMappings } from '../../lib/roles/roles';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const setActive = (dir: DirectoryScope, id: string, active: boolean | string) =>
  call(dir, 'PATCH', `Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: active }] });

/** A directory whose users get `member` by default and `admin` through a mapped group. */
async function withRoles(): Promise<DirectoryScope & { member: string; admin: string }> {
  const dir = await newDirectory();
  const suffix = randomBytes(4).toString('hex');
  const [member, admin] = [`member-${suffix}`, `admin-${suffix}`];
  for (const key of [member, admin]) await createRole(dir.hostId, { key, name: key });
  await setDefaultRole(dir, member);
  return { ...dir, member, admin };
}

const rolesOf = async (dir: DirectoryScope, id: string) => (await read((env) => findUserView(env, { directoryId: dir.directoryId, id })))?.roles;
const eventsOf = async (dir: DirectoryScope) =>
  (await readFeed({ hostId: dir.hostId, afterSeq: 0, limit: 100_000 })).filter((e) => e.directoryId === dir.directoryId).map(toEnvelope);

async function leaving(dir: DirectoryScope, mode: LeavingMode, deleteAfterDays: number | null = null) {
  await changePolicy({ hostId: dir.hostId, organizationId: dir.organizationId, actor: 'test' }, { leaving: { mode, deleteAfterDays } });
}

describe('an inactive user holds no role', () => {
  it('loses the default and mapped roles when deactivated (Okta no-path, Entra "False"), and gets them back on reactivation', async () => {
    const dir = await withRoles();
    const okta = (await call(dir, 'POST', 'Users', user(`okta-${randomBytes(3).toString('hex')}@example.com`))).body.id as string;
    const entra = (await call(dir, 'POST', 'Users', user('entra@example.com', { externalId: 'e-1' }))).body.id as string;
    const g = await call(dir, 'POST', 'Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Admins',
      members: [{ value: entra }],
    });
    const { member, admin: adminKey } = dir;
    expect(await rolesOf(dir, okta)).toEqual([member]);
    await setRoleMappings(dir, [{ groupId: g.body.id, roleKey: adminKey }]);
    expect(await rolesOf(dir, entra)).toEqual([adminKey]);

    await call(dir, 'PATCH', `Users/${okta}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] });
    await setActive(dir, entra, 'False');
    expect(await rolesOf(dir, okta)).toEqual([]);
    expect(await rolesOf(dir, entra)).toEqual([]);
    // Configuration changes and membership changes give an inactive user nothing either.
    await setDefaultRole(dir, adminKey);
    await setDefaultRole(dir, member);
    await call(dir, 'PATCH', `Groups/${g.body.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: okta }] }] });
    expect(await rolesOf(dir, okta)).toEqual([]);

    const events = await eventsOf(dir);
    const deactivated = events.filter((e) => e.type === 'directory.user.deactivated').map((e) => e.data as { id: string; active: boolean; roles: string[] });
    expect(deactivated.map((d) => [d.id, d.active, d.roles])).toEqual([
      [okta, false, []],
      [entra, false, []],
    ]);
    const update = events.find(
      (e) => e.type === 'directory.user.updated' && (e.data as { id: string }).id === okta && (e.data as { active: boolean }).active === false,
    );
    expect(update?.previousAttributes).toMatchObject({ active: true, roles: [member] });

    await setActive(dir, okta, true);
    expect(await rolesOf(dir, okta)).toEqual([adminKey]);
    const reactivated = (await eventsOf(dir)).filter((e) => e.type === 'directory.user.reactivated');
    expect(reactivated.map((e) => (e.data as { roles: string[] }).roles)).toEqual([[adminKey]]);
  });

  it('a user created inactive (Entra can) holds no default role', async () => {
    const dir = await withRoles();
    const id = (await call(dir, 'POST', 'Users', user('born-inactive@example.com', { active: false }))).body.id;
    expect(await rolesOf(dir, id)).toEqual([]);
    const [created] = (await eventsOf(dir)).filter((e) => e.type === 'directory.user.created');
    expect((created.data as { roles: string[] }).roles).toEqual([]);
  });
});

describe('leaving policies for active: false', () => {
  it('deactivate (the default) keeps the user readable with active false', async () => {
    const dir = await withRoles();
    const id = (await call(dir, 'POST', 'Users', user('keep@example.com'))).body.id;
    expect((await setActive(dir, id, false)).status).toBe(200);
    const got = await call(dir, 'GET', `Users/${id}`);
    expect([got.status, got.body.active]).toEqual([200, false]);
  });

  it('delete deletes the user at once, with directory.user.deleted', async () => {
    const dir = await withRoles();
    await leaving(dir, 'delete');
    const id = (await call(dir, 'POST', 'Users', user('gone@example.com'))).body.id;
    const res = await setActive(dir, id, false);
    expect([res.status, res.body.active]).toEqual([200, false]);
    expect((await call(dir, 'GET', `Users/${id}`)).status).toBe(404);
    const types = (await eventsOf(dir)).map((e) => e.type);
    expect(types).toEqual(['directory.user.created', 'directory.user.deleted']);
    // The same person comes back as a new user (nothing was kept).
    expect((await call(dir, 'POST', 'Users', user('gone@example.com'))).status).toBe(201);
  });

  it('delete_after keeps a deactivated user until the retention job passes its N days; a reactivated one stays', async () => {
    const dir = await withRoles();
    await leaving(dir, 'delete_after', 10);
    const leaver = (await call(dir, 'POST', 'Users', user('leaver@example.com'))).body.id;
    const back = (await call(dir, 'POST', 'Users', user('back@example.com'))).body.id;
    await setActive(dir, leaver, false);
    await setActive(dir, back, false);
    await setActive(dir, back, true);
    expect(await purgeLeavers(Date.now() + 9 * 86_400_000)).toBe(0);
    expect((await call(dir, 'GET', `Users/${leaver}`)).status).toBe(200);
    expect(await purgeLeavers(Date.now() + 11 * 86_400_000)).toBeGreaterThanOrEqual(1);
    expect((await call(dir, 'GET', `Users/${leaver}`)).status).toBe(404);
    expect((await call(dir, 'GET', `Users/${back}`)).status).toBe(200);
    expect((await eventsOf(dir)).filter((e) => e.type === 'directory.user.deleted').map((e) => (e.data as { id: string }).id)).toEqual([leaver]);
  });

  it('DELETE /Users: 404 afterwards under every policy (RFC 7644 §3.6; what the host keeps: leaving-delete.int.test.ts)', async () => {
    for (const mode of ['deactivate', 'delete_after'] as const) {
      const dir = await withRoles();
      await leaving(dir, mode, mode === 'delete_after' ? 5 : null);
      const id = (await call(dir, 'POST', 'Users', user(`del-${mode}@example.com`))).body.id;
      expect((await call(dir, 'DELETE', `Users/${id}`)).status).toBe(204);
      expect((await call(dir, 'GET', `Users/${id}`)).status).toBe(404);
    }
  });
});

describe('re-provisioning the same person', () => {
  const count = async (dir: DirectoryScope) => (await read(() => all(`SELECT "id" FROM "DirectoryUser" WHERE "directoryId" = ?`, [dir.directoryId]))).length;

  it('same externalId under a renamed userName links to the same user, groups and all', async () => {
    const dir = await withRoles();
    const first = await call(dir, 'POST', 'Users', user('alice@old.example', { externalId: 'ext-alice' }));
    const g = await call(dir, 'POST', 'Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Team',
      members: [{ value: first.body.id }],
    });
    const again = await call(dir, 'POST', 'Users', user('alice@new.example', { externalId: 'ext-alice' }));
    expect([again.status, again.body.id, again.body.userName]).toEqual([201, first.body.id, 'alice@new.example']);
    expect(again.body.groups.map((x: { value: string }) => x.value)).toEqual([g.body.id]);
    expect(await count(dir)).toBe(1);
  });

  it('after a deactivation, the same externalId and userName reactivates the user; an active duplicate is a 409', async () => {
    const dir = await withRoles();
    const first = await call(dir, 'POST', 'Users', user('bob@example.com', { externalId: 'ext-bob' }));
    expect((await call(dir, 'POST', 'Users', user('bob@example.com', { externalId: 'ext-bob' }))).status).toBe(409);
    await setActive(dir, first.body.id, false);
    const again = await call(dir, 'POST', 'Users', user('bob@example.com', { externalId: 'ext-bob' }));
    expect([again.status, again.body.id, again.body.active]).toEqual([201, first.body.id, true]);
    expect(await rolesOf(dir, first.body.id)).toHaveLength(1);
    expect(await count(dir)).toBe(1);
  });

  it('a renamed userName taken by someone else is a 409, and nothing changes', async () => {
    const dir = await withRoles();
    const carol = await call(dir, 'POST', 'Users', user('carol@example.com', { externalId: 'ext-carol' }));
    await call(dir, 'POST', 'Users', user('dave@example.com', { externalId: 'ext-dave' }));
    expect((await call(dir, 'POST', 'Users', user('dave@example.com', { externalId: 'ext-carol' }))).status).toBe(409);
    expect((await call(dir, 'GET', `Users/${carol.body.id}`)).body.userName).toBe('carol@example.com');
    expect(await count(dir)).toBe(2);
  });
});
