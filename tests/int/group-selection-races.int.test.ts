// Selection changes racing the IdP's membership PATCHes and group pushes: replaying the host's events gives exactly
// the groups and memberships the host API shows at the end, and no event ever names a group the host was not told
// of (no user_added to a group it never saw created, none after its deletion).
import { describe, expect, it } from 'vitest';
import { setGroupSelection } from '../../lib/directory/group-selection';
import { eventSeq, expectReplayMatchesDatabase } from './host-replay';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe('group selection races', () => {
  it('replaying the events gives the host view, whatever the interleaving', async () => {
    const dir = await newDirectory();
    const start = await eventSeq();
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

    // The host's view, rebuilt from its events, is the database's.
    const seen = await expectReplayMatchesDatabase(dir, start);
    expect([...seen.keys()]).toEqual([groups[2]]);
  });
});
