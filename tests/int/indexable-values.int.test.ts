// Values bound for an index entry: PostgreSQL's B-tree refuses entries over 2,704 bytes with an error (a 500, were it
// reached), so the limit is in UTF-8 bytes as well as characters: 1,024 CJK characters are 3,072 bytes. Run on both
// databases, so SQLite answers the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepFieldIndexes } from '../../lib/attributes/field-index-sweep';
import { saveUserSchema } from '../../lib/attributes/user-schema';
import type { DirectoryScope } from '../../lib/events/event-types';
import { putUserSchemaInputSchema } from '../../lib/schemas/user-schema';
import { call, newDirectory, user } from './scim-helpers';

/** `n` characters from `from` on, each distinct enough that nothing compresses them away. */
const text = (n: number, from: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(from + ((i * 7919) % 5000))).join('');
const CJK = 0x4e00;
const EMOJI = 0x1f300;

let dir: DirectoryScope;
let n = 0;
const name = (s: string) => `${s}${n++}`;

beforeAll(async () => {
  dir = await newDirectory();
});

describe('values bound for an index', () => {
  it.each([
    ['userName, 1,024 CJK characters (3,072 bytes)', 400, () => user(text(1024, CJK))],
    ['userName, 700 emoji (2,800 bytes)', 400, () => user(text(700, EMOJI))],
    ['userName, 1,025 ASCII characters', 400, () => user(`${'a'.repeat(1025)}`)],
    ['userName, 600 CJK characters (1,800 bytes)', 201, () => user(name(text(600, CJK)))],
    ['userName, 1,024 ASCII characters', 201, () => user(name('b'.repeat(1000)))],
    ['externalId, 1,000 CJK characters', 400, () => user(name('ext'), { externalId: text(1000, CJK) })],
    ['an email, 900 CJK characters', 400, () => user(name('mail'), { emails: [{ value: `${text(900, CJK)}@example.com`, type: 'work' }] })],
  ])('POST /Users with %s answers %i', async (_, status, body) => {
    const r = await call(dir, 'POST', 'Users', body());
    expect(r.status).toBe(status);
    if (status === 400) expect(r.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
  });

  it('keeps a free-text attribute too long for its index, out of the index', async () => {
    const title = text(1024, CJK);
    const r = await call(dir, 'POST', 'Users', user(name('titled'), { title }));
    expect(r.status).toBe(201);
    expect(r.body.title).toBe(title);
    const found = await call(dir, 'GET', `Users?filter=${encodeURIComponent(`title eq "${title}"`)}`);
    expect(found.status).toBe(200);
    expect(found.body.totalResults).toBe(0);
  });

  it('refuses a group displayName too long for its index', async () => {
    const r = await call(dir, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: text(1000, CJK) });
    expect(r.status).toBe(400);
  });

  it('refuses a value sent under an indexed host field that no index entry holds', async () => {
    const schema = await saveUserSchema(
      dir.hostId,
      putUserSchemaInputSchema.parse({ slug: 'longidx', fields: [{ key: 'code', label: 'Code', type: 'string', indexed: true }] }),
      'cli',
    );
    await sweepFieldIndexes();
    const sent = await call(dir, 'POST', 'Users', user(name('coded'), { [schema.urn]: { code: text(1000, CJK) } }));
    expect(sent.status).toBe(400);
    expect(sent.body.detail).toContain(`${schema.urn}:code is indexed`);
    const fits = await call(dir, 'POST', 'Users', user(name('coded'), { [schema.urn]: { code: text(600, CJK) } }));
    expect(fits.status).toBe(201);
  });
});
