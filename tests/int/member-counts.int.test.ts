// A group's memberCount (the host API's and the portal's, event snapshots' and the member quota's) is kept with its
// memberships in the transactions that move them, not counted on each read: after every kind of change, and after
// many concurrent ones, it equals the group's rows in GroupMembership. On both databases.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { findGroup, groupViews } from '../../lib/directory/groups/reads';
import type { DirectoryScope } from '../../lib/events/event-types';
import { changePolicy } from '../../lib/policy/policy-admin';
import type { LeavingMode } from '../../lib/schemas/policy';
import { call, newDirectory, user } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH], Operations });
const members = (ids: string[]) => ids.map((value) => ({ value }));

/** Each group of the directory: [its memberCount, its rows in GroupMembership], by display name. */
async function counts(dir: DirectoryScope): Promise<Record<string, [number, number]>> {
  const rows = await read(() =>
    all(
      `SELECT g."displayName", g."memberCount", (SELECT COUNT(*) FROM "GroupMembership" m WHERE m."groupId" = g."id") AS "rows"
       FROM "DirectoryGroup" g WHERE g."directoryId" = ?`,
      [dir.directoryId],
    ),
  );
  return Object.fromEntries(rows.map((r) => [String(r.displayName), [Number(r.memberCount), Number(r.rows)]]));
}

async function setUp(mode: LeavingMode = 'delete') {
  const dir = await newDirectory();
  await changePolicy({ ...dir, actor: 'test' }, { leaving: { mode, deleteAfterDays: null } });
  const suffix = randomBytes(4).toString('hex');
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await call(dir, 'POST', 'Users', user(`m${i}-${suffix}@example.com`));
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  const group = async (displayName: string, with_: string[]) => {
    const res = await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName, members: members(with_) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  return { dir, ids, group };
}

describe('memberCount', () => {
  it('follows every kind of membership change', async () => {
    const { dir, ids, group } = await setUp('delete');
    const a = await group('A', ids.slice(0, 3));
    const b = await group('B', []);
    expect(await counts(dir)).toEqual({ A: [3, 3], B: [0, 0] });
    // Okta's add and remove (one statement each), Entra's remove by filter, an add of members already there.
    expect((await call(dir, 'PATCH', `Groups/${b}`, patch({ op: 'add', path: 'members', value: members(ids.slice(0, 5)) }))).status).toBe(204);
    expect((await call(dir, 'PATCH', `Groups/${b}`, patch({ op: 'remove', path: `members[value eq "${ids[0]}"]` }))).status).toBe(204);
    expect((await call(dir, 'PATCH', `Groups/${a}`, patch({ op: 'add', path: 'members', value: members(ids.slice(0, 4)) }))).status).toBe(204);
    expect(await counts(dir)).toEqual({ A: [4, 4], B: [4, 4] });
    // A rename with members in the same PATCH; a replace of the whole list; If-Match (the group locked first).
    expect(
      (
        await call(
          dir,
          'PATCH',
          `Groups/${a}`,
          patch({ op: 'replace', path: 'displayName', value: 'A2' }, { op: 'remove', path: 'members', value: members(ids.slice(0, 2)) }),
        )
      ).status,
    ).toBe(204);
    expect((await call(dir, 'PATCH', `Groups/${b}`, patch({ op: 'replace', path: 'members', value: members(ids.slice(5, 8)) }))).status).toBe(204);
    const version = (await call(dir, 'GET', `Groups/${b}`)).body.meta.version;
    expect((await call(dir, 'PATCH', `Groups/${b}`, patch({ op: 'add', path: 'members', value: members([ids[0]]) }), { 'if-match': version })).status).toBe(
      204,
    );
    expect(await counts(dir)).toEqual({ A2: [2, 2], B: [4, 4] });
    // PUT sets the list; a PATCH removing every member.
    expect((await call(dir, 'PUT', `Groups/${b}`, { schemas: [GROUP], displayName: 'B', members: members(ids.slice(1, 7)) })).status).toBe(200);
    expect(await counts(dir)).toEqual({ A2: [2, 2], B: [6, 6] });
    expect((await call(dir, 'PATCH', `Groups/${a}`, patch({ op: 'remove', path: 'members' }))).status).toBe(204);
    expect(await counts(dir)).toEqual({ A2: [0, 0], B: [6, 6] });
    // A user deleted (the memberships go by the cascade) and one deleted from a group it is in twice over.
    expect((await call(dir, 'PATCH', `Groups/${a}`, patch({ op: 'add', path: 'members', value: members([ids[3]]) }))).status).toBe(204);
    expect((await call(dir, 'DELETE', `Users/${ids[3]}`)).status).toBe(204);
    expect((await call(dir, 'DELETE', `Users/${ids[6]}`)).status).toBe(204);
    expect(await counts(dir)).toEqual({ A2: [0, 0], B: [4, 4] });
    // What the host API and the portal show, and a group event's snapshot.
    const row = await read((env) => findGroup(env, { directoryId: dir.directoryId, id: b }));
    expect((await read((env) => groupViews(env, [row!])))[0].row.memberCount).toBe(4);
  });

  it('follows a user the leaving policy keeps (its memberships removed, the row kept)', async () => {
    const { dir, ids, group } = await setUp('deactivate');
    await group('Kept', ids.slice(0, 4));
    expect((await call(dir, 'DELETE', `Users/${ids[1]}`)).status).toBe(204);
    expect(await counts(dir)).toEqual({ Kept: [3, 3] });
  });

  it('stays exact under concurrent adds, removes and deletions of the same group and users', async () => {
    const { dir, ids, group } = await setUp('delete');
    const g = await group('Busy', []);
    const requests: Promise<{ status: number }>[] = [];
    for (let round = 0; round < 6; round++) {
      for (const id of ids.slice(0, 6)) {
        requests.push(call(dir, 'PATCH', `Groups/${g}`, patch({ op: 'add', path: 'members', value: members([id]) })));
        requests.push(call(dir, 'PATCH', `Groups/${g}`, patch({ op: round % 2 ? 'remove' : 'add', path: 'members', value: members([id]) })));
      }
    }
    requests.push(call(dir, 'DELETE', `Users/${ids[7]}`));
    requests.push(call(dir, 'PATCH', `Groups/${g}`, patch({ op: 'add', path: 'members', value: members([ids[7]]) })));
    const statuses = (await Promise.all(requests)).map((r) => r.status);
    expect(statuses.filter((s) => s >= 300 && s !== 404)).toEqual([]);
    const [kept, rows] = (await counts(dir)).Busy;
    expect(kept).toBe(rows);
  });
});
