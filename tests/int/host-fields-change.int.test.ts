// The host's fields changing under stored users (issue 18): a change of a field's type, default or a field removed
// recomputes every directory's mapped values in the background, with events only for users whose values changed;
// a change of labels or indexes alone recomputes nothing. String-list fields filter through `customAttributes`
// (the host API) and through the SCIM filter on the host extension, in the database.
import { beforeAll, describe, expect, it } from 'vitest';
import { mappedUserAttrs } from '../../lib/attributes/mapped-attrs';
import { loadHostUserExtension } from '../../lib/attributes/host-attrs';
import { readRemapJob } from '../../lib/attributes/remap-job';
import { saveUserSchema, type UserSchema } from '../../lib/attributes/user-schema';
import { database, read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { pageUsers } from '../../lib/directory/users/reads';
import type { DirectoryScope } from '../../lib/events/event-types';
import { readFeed, toEnvelope } from '../../lib/events/feed';
import { parseFilter } from '../../lib/scim/filter/parse';
import { filterToSql } from '../../lib/scim/filter/to-sql';
import { putUserSchemaInputSchema, type PutUserSchemaInput } from '../../lib/schemas/user-schema';
import { call, newDirectory, user } from './scim-helpers';

type Field = PutUserSchemaInput['fields'][number];
const field = (key: string, type: Field['type'], extra: Partial<Field> = {}) => ({ key, label: key, type, ...extra });
const declare = (hostId: string, fields: unknown[]) => saveUserSchema(hostId, putUserSchemaInputSchema.parse({ slug: 'acme', fields }), 'test');

const lastSeq = async () => Number((await read(() => all(`SELECT MAX("seq") AS "s" FROM "Event"`)))[0]?.s ?? 0);
async function updatesAfter(dir: DirectoryScope, seq: number) {
  const rows = await readFeed({ hostId: dir.hostId, afterSeq: seq, limit: 10_000 });
  return rows.filter((e) => e.directoryId === dir.directoryId && e.type === 'directory.user.updated').map(toEnvelope);
}
const values = async (id: string) =>
  JSON.parse(String((await read(() => all(`SELECT "customAttributes" FROM "DirectoryUser" WHERE "id" = ?`, [id])))[0].customAttributes));

async function settled(dir: DirectoryScope, version: number) {
  for (let i = 0; i < 400; i++) {
    const job = await readRemapJob(dir.directoryId);
    if (job && job.version >= version && job.status === 'done') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('remap job did not finish');
}

let dirs: DirectoryScope[];
let schema: UserSchema;
let ids: string[];

beforeAll(async () => {
  dirs = [await newDirectory(), await newDirectory()];
  schema = await declare(dirs[0].hostId, [field('seats', 'string'), field('tier', 'string', { default: 'free' }), field('skills', 'stringList')]);
  ids = [];
  for (const [d, dir] of dirs.entries())
    for (let i = 0; i < 3; i++) {
      const ext = { seats: i === 0 ? '12' : 'lots', skills: i === 1 ? ['Go', 'SQL'] : ['Rust'] };
      const res = await call(dir, 'POST', 'Users', user(`u${d}${i}@acme.com`, { [schema.urn]: ext }));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
});

describe("changing the host's fields", () => {
  it.each([
    {
      what: "a field's type (string to number): values convert, or become warnings",
      fields: () => [field('seats', 'number'), field('tier', 'string', { default: 'free' }), field('skills', 'stringList')],
      want: (i: number) => ({ ...(i % 3 === 0 ? { seats: 12 } : {}), tier: 'free', skills: i % 3 === 1 ? ['Go', 'SQL'] : ['Rust'] }),
      changed: 3,
    },
    {
      what: "a field's default",
      fields: () => [field('seats', 'number'), field('tier', 'string', { default: 'pro' }), field('skills', 'stringList')],
      want: (i: number) => ({ ...(i % 3 === 0 ? { seats: 12 } : {}), tier: 'pro', skills: i % 3 === 1 ? ['Go', 'SQL'] : ['Rust'] }),
      changed: 3,
    },
    {
      what: 'a field removed',
      fields: () => [field('seats', 'number'), field('tier', 'string', { default: 'pro' })],
      want: (i: number) => ({ ...(i % 3 === 0 ? { seats: 12 } : {}), tier: 'pro' }),
      changed: 3,
    },
  ])('$what recomputes every directory of the host, events only for users whose values changed', async ({ fields, want, changed }) => {
    const seq = await lastSeq();
    const before = await readRemapJob(dirs[0].directoryId);
    await declare(dirs[0].hostId, fields());
    for (const dir of dirs) expect(await settled(dir, (before?.version ?? 0) + 1)).toMatchObject({ total: 3, done: 3, changed });
    for (const [k, id] of ids.entries()) expect(await values(id)).toEqual(want(k));
    for (const dir of dirs) expect(await updatesAfter(dir, seq)).toHaveLength(changed);
  });

  it('a change of a label or an index alone recomputes nothing', async () => {
    const job = await readRemapJob(dirs[0].directoryId);
    const seq = await lastSeq();
    await declare(dirs[0].hostId, [field('seats', 'number', { label: 'Seats bought', indexed: true }), field('tier', 'string', { default: 'pro' })]);
    expect(await readRemapJob(dirs[0].directoryId)).toEqual(job);
    expect(await updatesAfter(dirs[0], seq)).toEqual([]);
  });
});

describe('string-list fields in filters', () => {
  beforeAll(async () => {
    await declare(dirs[0].hostId, [field('skills', 'stringList')]);
    await settled(dirs[0], (await readRemapJob(dirs[0].directoryId))!.version);
  });

  it.each([
    ['customAttributes.skills eq "go"', [1]],
    ['customAttributes.skills eq "rust"', [0, 2]],
    ['customAttributes.skills co "q"', [1]],
    ['customAttributes.skills pr', [0, 1, 2]],
    ['not (customAttributes.skills eq "rust")', [1]],
    ['customAttributes.skills eq "sql" and customAttributes.skills eq "GO"', [1]],
  ])('host API: %s', async (filter, want) => {
    const ext = await loadHostUserExtension(dirs[0].hostId);
    const where = filterToSql(parseFilter(filter), { attrs: mappedUserAttrs(ext), alias: 'u', directoryId: dirs[0].directoryId, dialect: database().dialect });
    const found = (await read((env) => pageUsers(env, { directoryId: dirs[0].directoryId, where, limit: 10 }))).rows.map((v) => v.row);
    expect(found.map((u) => u.id).sort()).toEqual(want.map((i) => ids[i]).sort());
  });

  it.each([
    ['skills eq "go"', [1]],
    [`urn:ietf:params:scim:schemas:extension:acme:2.0:User:skills eq "SQL"`, [1]],
    ['skills eq "rust" and userName sw "u0"', [0, 2]],
  ])('SCIM: %s', async (filter, want) => {
    const res = await call(dirs[0], 'GET', `Users?filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(200);
    expect(res.body.Resources.map((r: { id: string }) => r.id).sort()).toEqual(want.map((i) => ids[i]).sort());
  });

  it('a string list is not sortable, and cannot be indexed', async () => {
    const ext = await loadHostUserExtension(dirs[0].hostId);
    expect(mappedUserAttrs(ext).sortable.has('customattributes.skills')).toBe(false);
    expect(() => putUserSchemaInputSchema.parse({ slug: 'acme', fields: [field('skills', 'stringList', { indexed: true })] })).toThrow(/cannot be indexed/);
  });
});
