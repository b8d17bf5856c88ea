// The token check and the row read with it (lib/scim/request-reads.ts): on PostgreSQL the lookups of one event-loop
// turn go out as one query over arrays of keys (lib/db/pg-read-batch.ts). Each lookup must get exactly the answer
// it gets alone, in its own token's directory only, with any key text; one lookup's failure must not fail the others.
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { database, write, type KeyedRead } from '../../lib/db/database';
import { openPgJs, type PgJs } from '../../lib/db/pg-js';
import { PgReadBatcher, SEND_NOW } from '../../lib/db/pg-read-batch';
import { createDirectoryToken } from '../../lib/directory/tokens';
import { env } from '../../lib/env';
import { authenticate, type Authenticated, type Plan } from '../../lib/scim/request-reads';
import { call, newDirectory, user } from './scim-helpers';

const dialect = () => database().dialect.name;

const nextTurn = () => new Promise((r) => setImmediate(r));

// Characters an array literal must escape, and ones a naive split would cut at.
const AWKWARD = ['plain@example.com', 'o"brien@example.com', 'back\\slash@example.com', '{brace},comma@example.com', 'NULL', ' spaced @example.com', 'ünï©ødé@example.com'];

async function seededDirectory(tag: string) {
  const dir = await newDirectory();
  const token = (await write((env) => createDirectoryToken(env, { directoryId: dir.directoryId }))).token;
  const users: { id: string; userName: string }[] = [];
  for (const name of AWKWARD) {
    const res = await call(dir, 'POST', 'Users', user(`${tag}-${name}`));
    expect(res.status).toBe(201);
    users.push({ id: res.body.id, userName: res.body.userName });
  }
  const group = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: `${tag} group`, members: [{ value: users[0].id }] });
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
  for (const [dir, other] of [[a, b], [b, a]]) {
    out.push(check(dir, dir.token, null), check(dir, other.token, null));
    out.push(check(dir, dir.token, { kind: 'patchGroup', id: dir.groupId }), check(dir, dir.token, { kind: 'patchGroup', id: other.groupId }));
    out.push(check(dir, dir.token, { kind: 'group', by: { id: dir.groupId } }), check(dir, dir.token, { kind: 'group', by: { displayName: dir.groupName.toUpperCase() } }));
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

describe('token + row lookups made together', () => {
  it('answer each lookup as it is answered alone, tenant-checked, whatever the key text', async () => {
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

describe.skipIf(dialect() !== 'postgres')('the PostgreSQL batcher', () => {
  function counting(sql: PgJs): { sql: PgJs; queries: string[] } {
    const queries: string[] = [];
    const proxy = new Proxy(sql, {
      get(target, p, receiver) {
        if (p !== 'unsafe') return Reflect.get(target, p, receiver);
        return (text: string, ...rest: unknown[]) => {
          queries.push(text);
          return (target.unsafe as (...a: unknown[]) => unknown)(text, ...rest);
        };
      },
    });
    return { sql: proxy, queries };
  }

  const read: KeyedRead = {
    keys: ['id'],
    one: `SELECT "id", "userName" FROM "DirectoryUser" WHERE "id" = ?`,
    many: (from, n) => `SELECT ${n} AS "batchN", u."id", u."userName" FROM ${from} JOIN "DirectoryUser" u ON u."id" = k."id"`,
  };
  const manyText = read.many('unnest($1::text[]) WITH ORDINALITY AS k("id", "n")', 'k."n"::int');

  it('sends the lookups of one turn as one query, and a lone lookup as the plain statement', async () => {
    const a = await seededDirectory('c');
    const raw = openPgJs(env().databaseUrl, 1);
    try {
      const { sql, queries } = counting(raw);
      const batcher = new PgReadBatcher(sql);
      const rows = await Promise.all(a.users.map((u) => batcher.read(read, [u.id])));
      expect(rows.map((r) => r.map((x) => x.userName))).toEqual(a.users.map((u) => [u.userName]));
      expect(queries).toEqual([manyText]);
      await nextTurn();
      expect(await batcher.read(read, [a.users[1].id])).toEqual([{ id: a.users[1].id, userName: a.users[1].userName }]);
      expect(queries).toHaveLength(2);
      expect(queries[1]).toContain('$1');
    } finally {
      await raw.end();
    }
  });

  it('writes a query sent with SEND_NOW at once, not on postgres.js’s own setImmediate (scripts/patch-deps.mjs)', async () => {
    const raw = openPgJs(env().databaseUrl, 1);
    const original = globalThis.setImmediate;
    const deferred = async (options: { prepare: boolean }) => {
      const names: string[] = [];
      globalThis.setImmediate = ((fn: (...a: unknown[]) => void, ...rest: unknown[]) => {
        names.push(fn.name);
        return original(fn, ...rest);
      }) as typeof setImmediate;
      try {
        expect(await raw.unsafe('SELECT $1::int AS x', [7], options)).toEqual([{ x: 7 }]);
      } finally {
        globalThis.setImmediate = original;
      }
      return names.includes('nextWrite');
    };
    try {
      await raw.unsafe('SELECT 1'); // connected: no start-up messages in what follows
      expect(await deferred({ prepare: true })).toBe(true);
      expect(await deferred(SEND_NOW)).toBe(false);
    } finally {
      await raw.end();
    }
  });

  it('fails only the lookup whose key the server refuses', async () => {
    const a = await seededDirectory('d');
    const raw = openPgJs(env().databaseUrl, 1);
    try {
      const batcher = new PgReadBatcher(raw);
      const results = await Promise.allSettled([
        batcher.read(read, [a.users[0].id]),
        batcher.read(read, ['bad\u0000key']),
        batcher.read(read, [a.users[2].id]),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[2] as PromiseFulfilledResult<{ id: string }[]>).value[0].id).toBe(a.users[2].id);
    } finally {
      await raw.end();
    }
  });

  it('sees a commit made before the lookup was asked for', async () => {
    const a = await seededDirectory('e');
    const db = await getDb();
    const raw = openPgJs(env().databaseUrl, 1);
    try {
      const batcher = new PgReadBatcher(raw);
      const before = batcher.read(read, [a.users[0].id]);
      await db.directoryUser.update({ where: { id: a.users[1].id }, data: { userName: 'renamed@example.com' } });
      const after = await Promise.all([batcher.read(read, [a.users[1].id]), before]);
      expect(after[0][0].userName).toBe('renamed@example.com');
    } finally {
      await raw.end();
    }
  });
});
