// Selection changes racing the IdP's membership PATCHes and group pushes: replaying the host's events gives exactly
// the groups and memberships the host API shows at the end, and no event ever names a group the host was not told
// of (no user_added to a group it never saw created, none after its deletion).
import { describe, expect, it } from 'vitest';
import { all, one } from '../../lib/db/sql-program';
import { read } from '../../lib/db/database';
import { listEvents, toEnvelope } from '../../lib/events/feed';
import { setGroupSelection } from '../../lib/directory/group-selection';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
type Data = { id?: string; group?: { id: string }; user?: { id: string } };

describe('group selection races', () => {
  it('replaying the events gives the host view, whatever the interleaving', async () => {
    const dir = await newDirectory();
    const start = Number((await read(() => one(`SELECT MAX("seq") AS "n" FROM "Event"`)))?.n ?? 0);
    const users: string[] = [];
    for (let i = 0; i < 12; i++) users.push((await call(dir, 'POST', 'Users', user(`race${i}@example.com`))).body.id);
    const groups: string[] = [];
    for (const name of ['A', 'B', 'C']) groups.push((await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: name, members: [] })).body.id);

    const patches = users.flatMap((u, i) => [
      call(dir, 'PATCH', `Groups/${groups[i % 3]}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: u }] }] }),
      call(dir, 'PATCH', `Groups/${groups[(i + 1) % 3]}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: [{ value: u }] }] }),
      call(dir, 'PATCH', `Groups/${groups[(i + 1) % 3]}`, { schemas: [PATCH], Operations: [{ op: 'remove', path: `members[value eq "${u}"]` }] }),
    ]);
    const selections = [
      { mode: 'selected' as const, groupIds: [groups[0]] },
      { mode: 'selected' as const, groupIds: [groups[1], groups[2]] },
      { mode: 'all' as const, groupIds: [] },
      { mode: 'selected' as const, groupIds: [groups[2]] },
    ];
    // The selections race the PATCHes and the push; among themselves they run in order, so the last one is what
    // stays selected (3 ms apart, PostgreSQL once committed 'all' last).
    const selectionsDone = (async () => {
      for (const s of selections) await setGroupSelection(dir, s, 'test');
    })();
    const pushed = call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'D', members: users.slice(0, 3).map((value) => ({ value })) });
    const results = await Promise.all([...patches, pushed]);
    await selectionsDone;
    for (const r of results) expect([200, 201, 204]).toContain(r.status);

    // The host's view, rebuilt from its events.
    const events = (await read(() => listEvents({ hostId: dir.hostId, afterSeq: start, limit: 5000 })))
      .filter((e) => e.directoryId === dir.directoryId)
      .map(toEnvelope);
    const seen = new Map<string, Set<string>>();
    for (const e of events) {
      const d = e.data as Data;
      if (e.type === 'directory.group.created') seen.set(d.id!, new Set());
      if (e.type === 'directory.group.deleted') {
        expect(seen.get(d.id!)?.size, `${d.id} deleted with members the host still holds`).toBe(0);
        seen.delete(d.id!);
      }
      if (e.type === 'directory.group.user_added') {
        expect(seen.has(d.group!.id), `user_added to ${d.group!.id}, unknown to the host`).toBe(true);
        seen.get(d.group!.id)!.add(d.user!.id);
      }
      if (e.type === 'directory.group.user_removed') {
        expect(seen.get(d.group!.id)?.has(d.user!.id), `user_removed from ${d.group!.id} of a member the host never had`).toBe(true);
        seen.get(d.group!.id)!.delete(d.user!.id);
      }
    }
    const selected = await read(() =>
      all(`SELECT "id" FROM "DirectoryGroup" WHERE "directoryId" = ? AND "selected" = ? ORDER BY "id"`, [dir.directoryId, true]),
    );
    expect([...seen.keys()].sort()).toEqual(selected.map((g) => String(g.id)).sort());
    expect(selected.map((g) => String(g.id))).toEqual([groups[2]]);
    for (const g of selected) {
      const members = await read(() => all(`SELECT "userId" FROM "GroupMembership" WHERE "groupId" = ? ORDER BY "userId"`, [String(g.id)]));
      expect([...seen.get(String(g.id))!].sort()).toEqual(members.map((m) => String(m.userId)).sort());
    }
  });
});
