// Events and roles on a real database: an Okta-style and an Entra-style flow produce exactly the expected events,
// in order; role changes from mapping edits and membership changes show as user updates.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, toEnvelope } from '../../lib/events/feed';
import { createRole, setDefaultRole, setRoleMappings } from '../../lib/roles/roles';
import { call, newDirectory, user } from './scim-helpers';
import { countOf, query } from './db-rows';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

async function eventsSince(scope: DirectoryScope, afterSeq: number) {
  const rows = (await readFeed({ hostId: scope.hostId, afterSeq, limit: 1000 })).filter((e) => e.directoryId === scope.directoryId);
  return rows.map(toEnvelope);
}

async function lastSeq(): Promise<number> {
  return Number((await query(`SELECT max("seq") AS "seq" FROM "Event"`))[0]?.seq ?? 0);
}

describe('events', () => {
  let dir: DirectoryScope;
  beforeAll(async () => {
    dir = await newDirectory();
  });

  it('an Okta flow: create, group push with members, deactivate, rename', async () => {
    const start = await lastSeq();
    const u = await call(dir, 'POST', 'Users', user('okta.user@example.com'));
    const g = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Eng', members: [] });
    await call(dir, 'PATCH', `Groups/${g.body.id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'replace', value: { id: g.body.id, displayName: 'Eng' } },
        { op: 'add', path: 'members', value: [{ value: u.body.id, display: 'okta.user@example.com' }] },
      ],
    });
    await call(dir, 'PATCH', `Users/${u.body.id}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] });
    await call(dir, 'PATCH', `Groups/${g.body.id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { id: g.body.id, displayName: 'Engineering' } }],
    });
    await call(dir, 'DELETE', `Groups/${g.body.id}`);
    const events = await eventsSince(dir, start);
    expect(events.map((e) => e.type)).toEqual([
      'directory.user.created',
      'directory.group.created',
      'directory.group.user_added',
      'directory.user.updated',
      'directory.user.deactivated',
      'directory.group.updated',
      'directory.group.deleted',
    ]);
    expect(events[3].previousAttributes).toMatchObject({ active: true });
    expect((events[3].data as { active: boolean }).active).toBe(false);
    expect(events[5].previousAttributes).toMatchObject({ displayName: 'Eng' });
    for (const e of events) expect(e).toMatchObject({ organizationId: dir.organizationId, directoryId: dir.directoryId });
  });

  it('an Entra flow: create, member add and remove by value array, hard delete', async () => {
    const start = await lastSeq();
    const u = await call(dir, 'POST', 'Users', user('entra.user@example.com', { externalId: 'e1' }));
    const g = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Sales', externalId: 'g1' });
    await call(dir, 'PATCH', `Groups/${g.body.id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: u.body.id }] }],
    });
    await call(dir, 'PATCH', `Groups/${g.body.id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: u.body.id }] }],
    });
    await call(dir, 'PATCH', `Users/${u.body.id}`, { schemas: [PATCH], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] });
    await call(dir, 'DELETE', `Users/${u.body.id}`);
    const types = (await eventsSince(dir, start)).map((e) => e.type);
    expect(types).toEqual([
      'directory.user.created',
      'directory.group.created',
      'directory.group.user_added',
      'directory.group.user_removed',
      'directory.user.updated',
      'directory.user.deactivated',
      // The hard delete under the default leaving policy ("deactivate"): kept for the host, gone from SCIM (removedAt);
      // deactivated already, it is not deactivated again.
      'directory.user.updated',
    ]);
  });

  it('a membership PATCH reports exactly the users it moved, as they are after the change', async () => {
    // No roles in this directory: the change and the users' read go out together (changeWithViews).
    const own = await newDirectory();
    const [a, b] = [await call(own, 'POST', 'Users', user('one.trip.a@example.com')), await call(own, 'POST', 'Users', user('one.trip.b@example.com'))];
    const other = await call(dir, 'POST', 'Users', user('one.trip.other@example.com'));
    const g = await call(own, 'POST', 'Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'One trip',
      members: [{ value: a.body.id }],
    });
    const groupsOf = (e: { data: unknown }) => (e.data as { user: { groups: { id: string }[] } }).user.groups.map((x) => x.id);
    const movedOf = (e: { data: unknown }) => (e.data as { user: { id: string } }).user.id;

    const before = await lastSeq();
    // a is already a member, the other directory's user and an unknown id are ignored: only b moves.
    const members = [a.body.id, b.body.id, other.body.id, 'usr_doesnotexist0000000'].map((value) => ({ value }));
    expect((await call(own, 'PATCH', `Groups/${g.body.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: members }] })).status).toBe(
      204,
    );
    let events = await eventsSince(own, before);
    expect(events.map((e) => [e.type, movedOf(e)])).toEqual([['directory.group.user_added', b.body.id]]);
    expect(groupsOf(events[0])).toEqual([g.body.id]);

    const mid = await lastSeq();
    const gone = [b.body.id, other.body.id].map((value) => ({ value }));
    expect((await call(own, 'PATCH', `Groups/${g.body.id}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: 'members', value: gone }] })).status).toBe(
      204,
    );
    events = await eventsSince(own, mid);
    expect(events.map((e) => [e.type, movedOf(e)])).toEqual([['directory.group.user_removed', b.body.id]]);
    expect(groupsOf(events[0])).toEqual([]);
    const listed = await call(own, 'GET', `Groups/${g.body.id}`);
    expect((listed.body.members as { value: string }[]).map((m) => m.value)).toEqual([a.body.id]);
    expect(await eventsSince(dir, mid)).toEqual([]);
  });

  it('an unchanged PUT writes no event and keeps the version', async () => {
    const u = await call(dir, 'POST', 'Users', user('same.again@example.com'));
    const start = await lastSeq();
    const again = await call(dir, 'PUT', `Users/${u.body.id}`, user('same.again@example.com'));
    expect(again.body.meta.version).toBe(u.body.meta.version);
    expect(await eventsSince(dir, start)).toEqual([]);
  });
});

describe('the last statement sent with the COMMIT (values written as literals on PostgreSQL)', () => {
  it('stores every character of a value as sent: quotes, backslashes, placeholders, newlines, non-ASCII', async () => {
    const dir = await newDirectory();
    const tricky = `O'Brien \\ "q" $1 ? $$x$$ E'\\n' -- ; COMMIT; 漢字 😀\nline2`;
    const start = await lastSeq();
    const u = await call(dir, 'POST', 'Users', { ...user('tricky@example.com'), displayName: tricky, title: `${tricky}'` });
    expect(u.status).toBe(201);
    const g = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: tricky, members: [] });
    expect(g.status).toBe(201);
    const p = await call(dir, 'PATCH', `Groups/${g.body.id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: u.body.id }] }],
    });
    expect(p.status).toBeLessThan(300);
    const events = await eventsSince(dir, start);
    expect(events.map((e) => e.type)).toEqual(['directory.user.created', 'directory.group.created', 'directory.group.user_added']);
    const created = events[0].data as { displayName: string; attributes: { title: string } };
    expect(created.displayName).toBe(tricky);
    expect(created.attributes.title).toBe(`${tricky}'`);
    expect((events[2].data as { group: { displayName: string } }).group.displayName).toBe(tricky);
    const back = await call(dir, 'GET', `Groups/${g.body.id}`);
    expect(back.body.displayName).toBe(tricky);
    expect(back.body.members.map((m: { value: string }) => m.value)).toEqual([u.body.id]);
  });
});

describe('roles', () => {
  it('follow mapping edits and membership changes, with events', async () => {
    const dir = await newDirectory();
    for (const key of ['admin', 'member']) {
      if (!(await countOf('Role', '"hostId" = ? AND "key" = ?', [dir.hostId, key]))) await createRole(dir.hostId, { key, name: key });
    }
    const a = await call(dir, 'POST', 'Users', user('a@example.com'));
    const b = await call(dir, 'POST', 'Users', user('b@example.com'));
    const g = await call(dir, 'POST', 'Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Admins',
      members: [{ value: a.body.id }],
    });
    const start = await lastSeq();
    await setRoleMappings(dir, [{ groupId: g.body.id, roleKey: 'admin' }]);
    let events = await eventsSince(dir, start);
    expect(events.map((e) => [e.type, (e.data as { id: string }).id])).toEqual([['directory.user.updated', a.body.id]]);
    expect(events[0].previousAttributes).toEqual({ roles: [] });
    expect((events[0].data as { roles: string[] }).roles).toEqual(['admin']);

    const mid = await lastSeq();
    await call(dir, 'PATCH', `Groups/${g.body.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: b.body.id }] }] });
    events = await eventsSince(dir, mid);
    expect(events.map((e) => e.type)).toEqual(['directory.group.user_added', 'directory.user.updated']);
    expect(events[1].previousAttributes).toEqual({ roles: [] });
    const roles = await query(`SELECT ur."userId", r."key" FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."directoryId" = ?`, [
      dir.directoryId,
    ]);
    expect(roles.map((r) => [r.userId, r.key]).sort()).toEqual(
      [
        [a.body.id, 'admin'],
        [b.body.id, 'admin'],
      ].sort(),
    );

    // With a default role, leaving the mapped group falls back to it; joining again takes the mapped role back.
    await setDefaultRole(dir, 'member');
    const left = await lastSeq();
    await call(dir, 'PATCH', `Groups/${g.body.id}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${b.body.id}"]` }] });
    events = await eventsSince(dir, left);
    expect(events.map((e) => e.type)).toEqual(['directory.group.user_removed', 'directory.user.updated']);
    expect(events[1].previousAttributes).toEqual({ roles: ['admin'] });
    expect((events[1].data as { roles: string[] }).roles).toEqual(['member']);
    const back = await lastSeq();
    await call(dir, 'PATCH', `Groups/${g.body.id}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: b.body.id }] }] });
    events = await eventsSince(dir, back);
    expect((events[1].data as { roles: string[] }).roles).toEqual(['admin']);
    expect(events[1].previousAttributes).toEqual({ roles: ['member'] });

    // A new user is in no group: it gets the default role, in its created event and in storage.
    const created = await lastSeq();
    const c = await call(dir, 'POST', 'Users', user('c@example.com'));
    events = await eventsSince(dir, created);
    expect(events.map((e) => e.type)).toEqual(['directory.user.created']);
    expect((events[0].data as { roles: string[] }).roles).toEqual(['member']);
    const stored = await query(`SELECT r."key" FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."userId" = ?`, [c.body.id]);
    expect(stored.map((r) => r.key)).toEqual(['member']);
  });
});
