// The token check and the row read with it (lib/scim/request-reads.ts): each lookup, made alone or with many others
// at once (pipelined on PostgreSQL), gets the same answer, in its own token's directory only, with any key text.
import { describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import { createDirectoryToken } from '../../lib/directory/tokens';
import { authenticate, type Authenticated, type Plan } from '../../lib/scim/request-reads';
import { call, newDirectory, user } from './scim-helpers';

const nextTurn = () => new Promise((r) => setImmediate(r));

// Characters an array literal must escape, and ones a naive split would cut at.
const AWKWARD = [
  'plain@example.com',
  'o"brien@example.com',
  'back\\slash@example.com',
  '{brace},comma@example.com',
  'NULL',
  ' spaced @example.com',
  'ünï©ødé@example.com',
];

async function seededDirectory(tag: string) {
  const dir = await newDirectory();
  const token = (await write((env) => createDirectoryToken(env, { directoryId: dir.directoryId }))).token;
  const users: { id: string; userName: string }[] = [];
  for (const name of AWKWARD) {
    const res = await call(dir, 'POST', 'Users', user(`${tag}-${name}`));
    expect(res.status).toBe(201);
    users.push({ id: res.body.id, userName: res.body.userName });
  }
  const group = await call(dir, 'POST', 'Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: `${tag} group`,
    members: [{ value: users[0].id }],
  });
  expect(group.status).toBe(201);
  return { ...dir, token, users, groupId: group.body.id as string, groupName: group.body.displayName as string };
}

type Dir = Awaited<ReturnType<typeof seededDirectory>>;

const MISSING_TOKEN = `scimp_tok_${'0'.repeat(43)}`;
const foundOf = (r: unknown) => (r as Authenticated | null)?.reads && (r as { reads: { found: unknown } }).reads.found;

/** Every lookup the SCIM boundary makes, for both directories and across them (a token of one, a key of the other). */
function lookups(a: Dir, b: Dir): (() => Promise<unknown>)[] {
  const out: (() => Promise<unknown>)[] = [];
  const check = (dir: Dir, token: string, plan: Plan) => () => authenticate(dir.directoryId, token, plan);
  for (const [dir, other] of [
    [a, b],
    [b, a],
  ]) {
    out.push(check(dir, dir.token, null), check(dir, other.token, null));
    out.push(check(dir, dir.token, { kind: 'patchGroup', id: dir.groupId }), check(dir, dir.token, { kind: 'patchGroup', id: other.groupId }));
    out.push(
      check(dir, dir.token, { kind: 'group', by: { id: dir.groupId } }),
      check(dir, dir.token, { kind: 'group', by: { displayName: dir.groupName.toUpperCase() } }),
    );
    for (const u of [...dir.users, other.users[0]]) {
      for (const withGroups of [true, false]) {
        out.push(check(dir, dir.token, { kind: 'user', read: { by: { id: u.id }, withGroups } }));
        out.push(check(dir, dir.token, { kind: 'user', read: { by: { userName: u.userName.toUpperCase() }, withGroups } }));
      }
    }
  }
  out.push(check(a, MISSING_TOKEN, null), check(a, MISSING_TOKEN, { kind: 'user', read: { by: { id: a.users[0].id }, withGroups: true } }));
  out.push(check(a, a.token, { kind: 'user', read: { by: { id: 'usr_missing' }, withGroups: true } }));
  out.push(check(a, a.token, { kind: 'user', read: { by: { userName: 'nobody@example.com' }, withGroups: false } }));
  return out;
}

describe('token + row lookups', () => {
  it('answer each lookup made with many others as it is answered alone, tenant-checked, whatever the key text', async () => {
    const a = await seededDirectory('a');
    const b = await seededDirectory('b');
    const all = lookups(a, b);
    const alone: unknown[] = [];
    for (const lookup of all) {
      await nextTurn();
      alone.push(await lookup());
    }
    await nextTurn();
    const together = await Promise.all(all.map((lookup) => lookup()));
    expect(together).toEqual(alone);
    // The answers are real: users found by id and by userName in their own directory, never in the other; a token
    // of the other directory is refused.
    expect(together[1]).toBeNull();
    const first = foundOf(together[6]) as { row: { id: string }; groups: { id: string }[] };
    expect(first.row.id).toBe(a.users[0].id);
    expect(first.groups.map((g) => g.id)).toEqual([a.groupId]);
    expect(together.filter((r) => foundOf(r)).length).toBe(2 * (3 + AWKWARD.length * 4));
  });
});
