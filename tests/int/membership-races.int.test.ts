// Writes racing deletes answer as if they ran after the delete: a user deleted while being added to a group is
// simply not a member (the group is still there: no 404), a group deleted while members are added is 404, two
// PUTs of one group leave exactly one PUT's members, and
// writes into a directory being deleted are 201 or 404, never an error, and leave nothing behind.
import { describe, expect, it } from 'vitest';
import { deleteDirectory } from '../../lib/directory/delete-directory';
import { call, newDirectory, user } from './scim-helpers';
import { countOf, rowsOf } from './db-rows';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ROUNDS = 15;

const addMembers = (dir: Awaited<ReturnType<typeof newDirectory>>, groupId: string, userIds: string[]) =>
  call(dir, 'PATCH', `Groups/${groupId}`, { schemas: [PATCH], Operations: [{ op: 'add', path: 'members', value: userIds.map((value) => ({ value })) }] });

describe('membership changes racing deletes', () => {
  it('a user deleted while a PATCH adds it: the PATCH succeeds without it, the group keeps its other members', async () => {
    const dir = await newDirectory();
    const g = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Racing', members: [] })).body.id;
    for (let i = 0; i < ROUNDS; i++) {
      const [doomed, kept] = await Promise.all([0, 1].map(async (k) => (await call(dir, 'POST', 'Users', user(`race-${i}-${k}@example.com`))).body.id));
      const [patched, deleted] = await Promise.all([addMembers(dir, g, [doomed, kept]), call(dir, 'DELETE', `Users/${doomed}`)]);
      expect(deleted.status).toBe(204);
      expect(patched.status, JSON.stringify(patched.body)).toBeOneOf([200, 204]);
      const members = await rowsOf('GroupMembership', '"groupId" = ? AND "userId" IN (?, ?)', [g, doomed, kept]);
      expect(members.map((m) => m.userId)).toEqual([kept]);
      // The member count moved with the rows, whichever won: one member more each round.
      expect((await rowsOf('DirectoryGroup', '"id" = ?', [g]))[0].memberCount).toBe(i + 1);
    }
  });

  it('a group deleted while a PATCH adds members: 404, and no member row is left', async () => {
    const dir = await newDirectory();
    const u = (await call(dir, 'POST', 'Users', user('member@example.com'))).body.id;
    for (let i = 0; i < ROUNDS; i++) {
      const g = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: `doomed-${i}`, members: [] })).body.id;
      const [patched, deleted] = await Promise.all([addMembers(dir, g, [u]), call(dir, 'DELETE', `Groups/${g}`)]);
      expect(deleted.status).toBe(204);
      expect(patched.status).toBeOneOf([200, 204, 404]);
      expect(await countOf('GroupMembership', '"groupId" = ?', [g])).toBe(0);
    }
  });

  it('users created and groups patched while their directory is deleted: 2xx or 404, never an error, and nothing left', async () => {
    for (let i = 0; i < 5; i++) {
      const dir = await newDirectory();
      const u = (await call(dir, 'POST', 'Users', user('first@example.com'))).body.id;
      const g = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Doomed', members: [] })).body.id;
      let deleted = false;
      const deletion = deleteDirectory(dir).finally(() => (deleted = true));
      // Writes keep coming while the deletion runs, and one round after it (as a request whose token was checked
      // just before would): created, or 404 once the directory is gone.
      const answers: { status: number; body: unknown }[] = [];
      for (let n = 0, after = 0; after < 1; n++) {
        if (deleted) after++;
        answers.push(
          ...(await Promise.all([
            call(dir, 'POST', 'Users', user(`late-${n}-a@example.com`)),
            call(dir, 'POST', 'Users', user(`late-${n}-b@example.com`)),
            addMembers(dir, g, [u]),
          ])),
        );
      }
      await deletion;
      for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBeOneOf([200, 201, 204, 404]);
      expect(answers.slice(-3).map((a) => a.status)).toEqual([404, 404, 404]);
      const where: [string, string[]] = ['"directoryId" = ?', [dir.directoryId]];
      expect([await countOf('DirectoryUser', ...where), await countOf('DirectoryGroup', ...where), await countOf('GroupMembership', ...where)]).toEqual([
        0, 0, 0,
      ]);
    }
  });

  it("two PUTs of one group at once: the members are exactly one PUT's list", async () => {
    const dir = await newDirectory();
    const ids = await Promise.all([0, 1, 2, 3, 4].map(async (k) => (await call(dir, 'POST', 'Users', user(`put-${k}@example.com`))).body.id));
    const g = (await call(dir, 'POST', 'Groups', { schemas: [GROUP], displayName: 'Replaced', members: [{ value: ids[0] }] })).body.id;
    const put = (members: string[]) =>
      call(dir, 'PUT', `Groups/${g}`, { schemas: [GROUP], displayName: 'Replaced', members: members.map((value) => ({ value })) });
    for (let i = 0; i < ROUNDS; i++) {
      const [a, b] = i % 2 ? [[ids[1], ids[2]], [ids[3]]] : [[ids[3], ids[4]], [ids[0]]];
      const answers = await Promise.all([put(a), put(b)]);
      for (const r of answers) expect(r.status).toBe(200);
      const members = (await rowsOf('GroupMembership', '"groupId" = ?', [g])).map((m) => m.userId).sort();
      expect([[...a].sort(), [...b].sort()]).toContainEqual(members);
      expect((await rowsOf('DirectoryGroup', '"id" = ?', [g]))[0].memberCount).toBe(members.length);
    }
  });
});
