// Stored roles stay exactly what memberships, mappings and the default role say while they change at the same
// time: a mapping saved while a member joins, two removals from two mapped groups at once, a default role set
// while users are created. Each round runs the writes concurrently, then checks every user of the directory.
import { read } from '../../lib/db/database';
import { describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { configureRoles, createRole, listRoleMappings, previewRoleConfig, type MappingInput } from '../../lib/roles/roles';
import { call, newDirectory, user } from './scim-helpers';
import { countOf, firstOf, rowsOf } from './db-rows';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ROUNDS = 12;

const addMember = (dir: DirectoryScope, groupId: string, userId: string) =>
  call(dir, 'PATCH', `Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: userId }] }] });
const removeMember = (dir: DirectoryScope, groupId: string, userId: string) =>
  call(dir, 'PATCH', `Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${userId}"]` }] });

async function group(dir: DirectoryScope, displayName: string, members: string[] = []): Promise<string> {
  const res = await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName, members: members.map((value) => ({ value })) });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function newUser(dir: DirectoryScope, userName: string): Promise<string> {
  const res = await call(dir, 'POST', 'Users', user(userName));
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Every user's stored role keys next to what memberships, mappings and the default role give them. */
async function storedAndExpected(dir: DirectoryScope): Promise<{ stored: Record<string, string[]>; expected: Record<string, string[]> }> {
  const [users, memberships, mappings, roles, directory, stored] = await Promise.all([
    rowsOf('DirectoryUser', '"directoryId" = ?', [dir.directoryId]),
    rowsOf('GroupMembership', '"directoryId" = ?', [dir.directoryId]),
    rowsOf('RoleMapping', '"directoryId" = ?', [dir.directoryId]),
    rowsOf('Role', '"hostId" = ?', [dir.hostId]),
    firstOf('Directory', '"id" = ?', [dir.directoryId]),
    rowsOf('UserRole', '"directoryId" = ?', [dir.directoryId]),
  ]);
  const key = new Map(roles.map((r) => [r.id, r.key]));
  const out = { stored: {} as Record<string, string[]>, expected: {} as Record<string, string[]> };
  for (const u of users) {
    const mapped = new Set(
      memberships.filter((m) => m.userId === u.id).flatMap((m) => mappings.filter((x) => x.groupId === m.groupId).map((x) => key.get(x.roleId)!)),
    );
    if (mapped.size === 0 && directory.defaultRoleId) mapped.add(key.get(directory.defaultRoleId)!);
    out.expected[u.id] = [...mapped].sort();
    out.stored[u.id] = stored
      .filter((r) => r.userId === u.id)
      .map((r) => key.get(r.roleId)!)
      .sort();
  }
  return out;
}

async function expectConsistent(dir: DirectoryScope): Promise<void> {
  const { stored, expected } = await storedAndExpected(dir);
  expect(stored).toEqual(expected);
}

/** A directory of its own for each case, whose host has the roles `admin` and `member`. */
async function directoryWithRoles(): Promise<DirectoryScope> {
  const dir = await newDirectory();
  for (const k of ['admin', 'member']) {
    if (!(await countOf('Role', '"hostId" = ? AND "key" = ?', [dir.hostId, k]))) await createRole(dir.hostId, { key: k, name: k });
  }
  return dir;
}

describe('roles under concurrent writes', () => {
  it('a mapping saved while a user joins the group it maps gives the user the role', async () => {
    const dir = await directoryWithRoles();
    for (let i = 0; i < ROUNDS; i++) {
      const g = await group(dir, `join-${i}`);
      const u = await newUser(dir, `join-${i}@example.com`);
      const mappings: MappingInput[] = [...(await read(() => listRoleMappings(dir.directoryId))), { groupId: g, roleKey: 'admin' }];
      const [patched] = await Promise.all([addMember(dir, g, u), configureRoles(dir, { mappings })]);
      expect(patched.status).toBeOneOf([200, 204]);
      await expectConsistent(dir);
    }
    const { stored } = await storedAndExpected(dir);
    expect(Object.values(stored).filter((r) => r.includes('admin'))).toHaveLength(ROUNDS);
    // Removing every mapping (no default role either) takes every role away.
    await configureRoles(dir, { mappings: [] });
    const after = await storedAndExpected(dir);
    expect(Object.values(after.stored).flat()).toEqual([]);
    expect(after.stored).toEqual(after.expected);
  });

  it('leaving two mapped groups at once takes the role away', async () => {
    const dir = await directoryWithRoles();
    for (let i = 0; i < ROUNDS; i++) {
      const u = await newUser(dir, `leave-${i}@example.com`);
      const [g1, g2] = [await group(dir, `leave-a-${i}`, [u]), await group(dir, `leave-b-${i}`, [u])];
      const mappings = [...(await read(() => listRoleMappings(dir.directoryId))), { groupId: g1, roleKey: 'admin' }, { groupId: g2, roleKey: 'admin' }];
      await configureRoles(dir, { mappings });
      expect((await storedAndExpected(dir)).stored[u]).toEqual(['admin']);
      const answers = await Promise.all([removeMember(dir, g1, u), removeMember(dir, g2, u)]);
      for (const a of answers) expect(a.status).toBeOneOf([200, 204]);
      await expectConsistent(dir);
      expect((await storedAndExpected(dir)).stored[u]).toEqual([]);
    }
  });

  it('a preview and a save of the same mapping at once both answer, and the save holds', async () => {
    const dir = await directoryWithRoles();
    for (let i = 0; i < ROUNDS; i++) {
      const u = await newUser(dir, `preview-${i}@example.com`);
      const g = await group(dir, `preview-${i}`, [u]);
      const mappings = [...(await read(() => listRoleMappings(dir.directoryId))), { groupId: g, roleKey: 'admin' }];
      const [preview] = await Promise.all([previewRoleConfig(dir, { mappings }), configureRoles(dir, { mappings })]);
      // Before the save, the preview shows the user gaining the role; after it, nothing left to change.
      expect([[], [{ userId: u, before: [], after: ['admin'] }]]).toContainEqual(preview);
      await expectConsistent(dir);
      expect((await storedAndExpected(dir)).stored[u]).toEqual(['admin']);
    }
  });

  it('a default role set while users are created reaches every one of them', async () => {
    const dir = await directoryWithRoles();
    for (let i = 0; i < ROUNDS; i++) {
      const defaultRoleKey = i % 2 === 0 ? 'member' : null;
      const created = Promise.all([0, 1, 2].map((k) => newUser(dir, `default-${i}-${k}@example.com`)));
      await Promise.all([created, configureRoles(dir, { defaultRoleKey })]);
      await expectConsistent(dir);
    }
  });
});
