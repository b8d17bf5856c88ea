// Group selection (issue 19) on a real database: a change is previewed without effect, then saved with the events
// the host needs (groups disappearing as deleted with their members removed first, appearing as created with their
// members added, role changes as user updates) and an audit entry; unselected groups keep working for SCIM but
// give the host no events, rows or roles, and SCIM writes on them are logged as not synced.
import { beforeAll, describe, expect, it } from 'vitest';
import { all, one } from '../../lib/db/sql-program';
import { read } from '../../lib/db/database';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, toEnvelope } from '../../lib/events/feed';
import { previewGroupSelection, readGroupSelection, setGroupSelection } from '../../lib/directory/group-selection';
import { userViews } from '../../lib/directory/users/reads';
import { createRole, configureRoles } from '../../lib/roles/roles';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

async function seq(): Promise<number> {
  return Number((await read(() => one(`SELECT MAX("seq") AS "n" FROM "Event"`)))?.n ?? 0);
}

async function eventsSince(scope: DirectoryScope, afterSeq: number) {
  return (await readFeed({ hostId: scope.hostId, afterSeq, limit: 1000 })).filter((e) => e.directoryId === scope.directoryId).map(toEnvelope);
}

const rolesOf = async (scope: DirectoryScope, id: string) => (await read((env) => userViews(env, scope.directoryId, [id]))).get(id)?.roles;
const hostGroupsOf = async (scope: DirectoryScope, id: string) =>
  (await read((env) => userViews(env, scope.directoryId, [id]))).get(id)?.groups.map((g) => g.displayName);
type Envelope = {
  type: string;
  data: { group?: { displayName: string }; user?: { id: string }; displayName?: string; id?: string };
  previousAttributes?: unknown;
};
const brief = (e: Envelope) =>
  e.type.startsWith('directory.user')
    ? `${e.type} ${e.data.id}`
    : `${e.type} ${e.data.group?.displayName ?? e.data.displayName} ${e.data.user?.id ?? ''}`.trim();

describe('group selection', () => {
  let dir: DirectoryScope;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    dir = await newDirectory();
    const suffix = dir.directoryId.slice(-6);
    await createRole(dir.hostId, { key: `admin-${suffix}`, name: 'Admin' });
    await createRole(dir.hostId, { key: `viewer-${suffix}`, name: 'Viewer' });
    for (const n of ['u1', 'u2', 'u3']) id[n] = (await call(dir, 'POST', 'Users', user(`${n}@example.com`))).body.id;
    const members = (...ns: string[]) => ns.map((n) => ({ value: id[n] }));
    id.A = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Alpha', members: members('u1', 'u2') })).body.id;
    id.B = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Beta', members: members('u2', 'u3') })).body.id;
    await configureRoles(dir, {
      mappings: [
        { groupId: id.A, roleKey: `admin-${suffix}` },
        { groupId: id.B, roleKey: `viewer-${suffix}` },
      ],
    });
    id.admin = `admin-${suffix}`;
    id.viewer = `viewer-${suffix}`;
  });

  it('previews a change without making it', async () => {
    const start = await seq();
    const p = await previewGroupSelection(dir, { mode: 'selected', groupIds: [id.A] });
    expect(p.disappearing.map((g) => [g.row.displayName, g.members])).toEqual([['Beta', 2]]);
    expect(p.appearing).toEqual([]);
    expect(p.roleChanges.map((c) => [c.userId, c.before, c.after]).sort()).toEqual(
      [
        [id.u2, [id.admin, id.viewer], [id.admin]],
        [id.u3, [id.viewer], []],
      ].sort(),
    );
    expect(await readGroupSelection(dir.directoryId)).toEqual({ mode: 'all', groupIds: [], job: null });
    expect(await rolesOf(dir, id.u3)).toEqual([id.viewer]);
    expect(await eventsSince(dir, start)).toEqual([]);
  });

  it('saving "only Alpha" tells the host Beta is gone: members removed, group deleted, roles updated; audited', async () => {
    const start = await seq();
    await setGroupSelection(dir, { mode: 'selected', groupIds: [id.A] }, 'api-key:test');
    expect(await readGroupSelection(dir.directoryId)).toEqual({ mode: 'selected', groupIds: [id.A], job: null });
    const events = (await eventsSince(dir, start)) as Envelope[];
    expect(events.slice(0, 3).map(brief).sort()).toEqual(
      [`directory.group.user_removed Beta ${id.u2}`, `directory.group.user_removed Beta ${id.u3}`, 'directory.group.deleted Beta'].sort(),
    );
    expect(brief(events[2])).toBe('directory.group.deleted Beta');
    expect(events.slice(3).map(brief).sort()).toEqual([`directory.user.updated ${id.u2}`, `directory.user.updated ${id.u3}`].sort());
    for (const e of events.slice(3)) expect(e.previousAttributes).toHaveProperty('roles');
    expect(await rolesOf(dir, id.u2)).toEqual([id.admin]);
    expect(await rolesOf(dir, id.u3)).toEqual([]);
    expect(await hostGroupsOf(dir, id.u2)).toEqual(['Alpha']);
    const audit = await read(() =>
      all(`SELECT "actor", "details" FROM "AuditLog" WHERE "action" = ? AND "target" = ?`, ['group_selection.changed', dir.directoryId]),
    );
    expect(audit.map((a) => a.actor)).toEqual(['api-key:test']);
    expect(JSON.parse(String(audit[0].details))).toMatchObject({ mode: 'selected', disappearing: 1, usersAffected: 2 });
  });

  it('SCIM keeps working on an unselected group, with no events or roles for the host, and logs it as not synced', async () => {
    const start = await seq();
    const add = await call(dir, 'PATCH', `Groups/${id.B}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: id.u1 }] }] });
    expect(add.status).toBe(204);
    expect(add.decision).toBe('updated (1 member added); group not synced (not selected)');
    const rename = await call(dir, 'PATCH', `Groups/${id.B}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { id: id.B, displayName: 'Beta 2' } }],
    });
    expect(rename.status).toBe(204);
    const created = await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Gamma', members: [{ value: id.u1 }] });
    expect(created.status).toBe(201);
    expect(created.decision).toBe('created (1 member); group not synced (not selected)');
    id.C = created.body.id;
    expect(await eventsSince(dir, start)).toEqual([]);
    expect(await rolesOf(dir, id.u1)).toEqual([id.admin]);
    // The IdP sees every group and member as it sent them.
    const b = await call(dir, 'GET', `Groups/${id.B}`);
    expect(b.body.displayName).toBe('Beta 2');
    expect(b.body.members.map((m: { value: string }) => m.value).sort()).toEqual([id.u1, id.u2, id.u3].sort());
    const u1 = await call(dir, 'GET', `Users/${id.u1}`);
    expect(u1.body.groups.map((g: { display: string }) => g.display).sort()).toEqual(['Alpha', 'Beta 2', 'Gamma']);
    // A SCIM user write answers with every group too, while the host's view stays on the selected ones.
    const put = await call(dir, 'PATCH', `Users/${id.u1}`, { schemas: [PATCH], Operations: [{ op: 'replace', path: 'displayName', value: 'U One' }] });
    expect(put.body.groups.map((g: { display: string }) => g.display).sort()).toEqual(['Alpha', 'Beta 2', 'Gamma']);
    expect(await hostGroupsOf(dir, id.u1)).toEqual(['Alpha']);
    const del = await call(dir, 'DELETE', `Groups/${id.C}`);
    expect(del.decision).toBe('deleted; group not synced (not selected)');
    expect((await eventsSince(dir, start)).map((e) => e.type)).toEqual(['directory.user.updated']);
  });

  it('back to "all": the unselected groups appear as created with their members, and their roles return', async () => {
    const start = await seq();
    await setGroupSelection(dir, { mode: 'all', groupIds: [] }, 'api-key:test');
    const events = (await eventsSince(dir, start)) as Envelope[];
    expect(brief(events[0])).toBe('directory.group.created Beta 2');
    expect(events.slice(1, 4).map(brief).sort()).toEqual([id.u1, id.u2, id.u3].map((u) => `directory.group.user_added Beta 2 ${u}`).sort());
    expect(events.slice(4).map(brief).sort()).toEqual([id.u1, id.u2, id.u3].map((u) => `directory.user.updated ${u}`).sort());
    expect(await rolesOf(dir, id.u1)).toEqual([id.admin, id.viewer].sort());
    expect(await rolesOf(dir, id.u3)).toEqual([id.viewer]);
    expect(await readGroupSelection(dir.directoryId)).toEqual({ mode: 'all', groupIds: [], job: null });
  });

  it('refuses a group of another directory as unknown, changing nothing', async () => {
    const other = await newDirectory();
    const g = (await call(other, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Elsewhere', members: [] })).body.id;
    await expect(setGroupSelection(dir, { mode: 'selected', groupIds: [id.A, g] }, 'api-key:test')).rejects.toThrow(/unknown group/);
    expect(await readGroupSelection(dir.directoryId)).toEqual({ mode: 'all', groupIds: [], job: null });
    expect(await readGroupSelection(other.directoryId)).toEqual({ mode: 'all', groupIds: [], job: null });
  });
});
