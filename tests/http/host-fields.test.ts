// Issue 18, items 1–3 over HTTP on both databases: a host declares user fields through the host API; every directory
// advertises them as urn:…:extension:{slug}:2.0:User in /Schemas and /ResourceTypes; values an IdP sends are
// converted to each field's type (kept as sent when they do not convert, never a failed request) and filterable.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, targets, newDirectory, type ScimDirectory } from './harness';
import { call, createUser, describeCall, expectError, getOk } from './scim-expect';
import { PATCH_URN, USER_URN, uniq } from '../../e2e/fixtures/idp/types';
import { HOSTAPP_FIELDS, HOSTAPP_URN } from './host-fields-fixture';

const URN = HOSTAPP_URN;
const FIELDS = HOSTAPP_FIELDS;

describe.each(targets())('host-defined user fields against $name', (t) => {
  let dir: ScimDirectory;
  const ids: Record<string, string> = {};
  const byId = (id: string) => Object.keys(ids).find((k) => ids[k] === id);
  const filtered = async (filter: string) => {
    const r = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(filter)}`);
    expect(r.status, describeCall(r)).toBe(200);
    return r.body.Resources.map((u: { id: string }) => byId(u.id)).sort();
  };

  beforeAll(async () => {
    const r = await api(t, 'PUT', '/user-schema', { slug: 'hostapp', fields: FIELDS });
    expect(r.status, await r.clone().text()).toBe(200);
    dir = await newDirectory(t, 'okta');
    const user = async (key: string, ext: Record<string, unknown>) =>
      (ids[key] = (await createUser(dir, { schemas: [USER_URN, URN], userName: `${key}.${uniq(6)}@example.com`, [URN]: ext } as never)).id);
    // Okta and Entra send text for everything: converted to the fields' types.
    await user('ann', { licenceTier: 'Gold', seats: '12', isContractor: 'False', startDate: '2024-01-02T03:04:05+02:00', skills: 'sql' });
    await user('ben', { LICENCETIER: 'silver', seats: 3, isContractor: true, skills: ['go', 'sql'] });
    // Values that do not convert are stored as sent: a warning, not a failed sync.
    await user('cat', { licenceTier: 'free', seats: 'lots', startDate: 'next week' });
  });

  it('answers the declaration on the host API and refuses bad ones with 400', async () => {
    const got = await (await api(t, 'GET', '/user-schema')).json();
    expect(got).toMatchObject({
      slug: 'hostapp',
      schema: URN,
      fields: [expect.objectContaining({ key: 'licenceTier', required: true, default: 'free' }), ...FIELDS.slice(1).map((f) => expect.objectContaining(f))],
    });
    for (const bad of [
      { slug: 'Host App', fields: [] },
      { slug: 'x', fields: [{ key: 'a b', label: 'A', type: 'string' }] },
      { slug: 'x', fields: [{ key: 'a', label: 'A', type: 'money' }] },
      {
        slug: 'x',
        fields: [
          { key: 'a', label: 'A', type: 'string' },
          { key: 'A', label: 'A', type: 'number' },
        ],
      },
      { slug: 'x', fields: [{ key: 'a', label: 'A', type: 'number', default: 'many' }] },
    ]) {
      const r = await api(t, 'PUT', '/user-schema', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect((await r.json()).error.code).toBeTruthy();
    }
  });

  it("tells each indexed field's index state: built in the background, then ready", async () => {
    let got: { indexes: { key: string; status: string; reason: string | null }[] } = { indexes: [] };
    for (let i = 0; i < 300; i++) {
      got = await (await api(t, 'GET', '/user-schema')).json();
      expect(got.indexes.map((x) => x.key)).toEqual(['licenceTier', 'seats']);
      expect(got.indexes.every((x) => ['building', 'ready'].includes(x.status))).toBe(true);
      if (got.indexes.every((x) => x.status === 'ready')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(got.indexes).toEqual([
      { key: 'licenceTier', status: 'ready', reason: null },
      { key: 'seats', status: 'ready', reason: null },
    ]);
    // A PUT that changes nothing answers ready at once: nothing is rebuilt.
    const again = await (await api(t, 'PUT', '/user-schema', { slug: 'hostapp', fields: FIELDS })).json();
    expect(again.indexes).toEqual(got.indexes);
  });

  it('advertises the extension in /Schemas and /ResourceTypes', async () => {
    const list = await getOk(dir, '/Schemas');
    expect(list.Resources.map((s: { id: string }) => s.id)).toContain(URN);
    const schema = await getOk(dir, `/Schemas/${URN}`);
    expect(schema.attributes.map((a: { name: string; type: string; multiValued: boolean }) => [a.name, a.type, a.multiValued])).toEqual([
      ['licenceTier', 'string', false],
      ['seats', 'decimal', false],
      ['isContractor', 'boolean', false],
      ['startDate', 'dateTime', false],
      ['skills', 'string', true],
    ]);
    expect(schema.attributes[0].required).toBe(true);
    const user = await getOk(dir, '/ResourceTypes/User');
    expect(user.schemaExtensions).toContainEqual({ schema: URN, required: false });
  });

  it('stores values converted to the field types, in the declared spelling', async () => {
    expect((await getOk(dir, `/Users/${ids.ann}`))[URN]).toEqual({
      licenceTier: 'Gold',
      seats: 12,
      isContractor: false,
      startDate: '2024-01-02T01:04:05.000Z',
      skills: ['sql'],
    });
    expect((await getOk(dir, `/Users/${ids.ben}`))[URN]).toEqual({ licenceTier: 'silver', seats: 3, isContractor: true, skills: ['go', 'sql'] });
    expect((await getOk(dir, `/Users/${ids.cat}`))[URN]).toEqual({ licenceTier: 'free', seats: 'lots', startDate: 'next week' });
    // PATCH with a path converts too.
    const p = await call(dir, 'PATCH', `/Users/${ids.ben}`, {
      body: { schemas: [PATCH_URN], Operations: [{ op: 'replace', path: `${URN}:seats`, value: '4' }] },
    });
    expect(p.status, describeCall(p)).toBe(200);
    expect(p.body[URN].seats).toBe(4);
  });

  it.each([
    [`${URN}:seats gt 10`, ['ann']],
    ['seats le 4', ['ben']],
    // A value kept as sent because it is no number ("lots") is no number to a filter either.
    ['seats pr', ['ann', 'ben']],
    ['startDate pr', ['ann']],
    ['isContractor eq false', ['ann']],
    ['isContractor eq "True"', ['ben']],
    ['not (isContractor eq true)', ['ann', 'cat']],
    ['startDate gt "2024-01-01T00:00:00Z"', ['ann']],
    ['startDate lt "2024-01-02T03:04:06+02:00" and startDate ge "2024-01-02T01:04:05Z"', ['ann']],
    ['skills eq "sql"', ['ann', 'ben']],
    ['skills[value sw "g"]', ['ben']],
    ['licenceTier eq "GOLD" or licenceTier eq "free"', ['ann', 'cat']],
  ])('filters on host fields: %s', async (filter, expected) => {
    expect(await filtered(filter)).toEqual(expected);
  });

  it("filters the host API's user list with the same filters, and refuses bad ones with 400 invalid_filter", async () => {
    const list = async (filter: string) => api(t, 'GET', `/directories/${dir.directoryId}/users?filter=${encodeURIComponent(filter)}`);
    const r = await list('seats gt 10 or (isContractor eq true and skills eq "go")');
    expect(r.status).toBe(200);
    expect((await r.json()).data.map((u: { id: string }) => byId(u.id)).sort()).toEqual(['ann', 'ben']);
    for (const bad of ['seats co "1"', 'favouriteColour eq "x"', 'seats eq']) {
      const refused = await list(bad);
      expect(refused.status, bad).toBe(400);
      expect((await refused.json()).error.code).toBe('invalid_filter');
    }
  });

  it('sorts by a host field, and refuses operators its type does not take', async () => {
    const r = await call(dir, 'GET', `/Users?sortBy=${encodeURIComponent(`${URN}:seats`)}&sortOrder=descending`);
    // "lots" is no number: it sorts with the users without seats, last.
    expect(r.body.Resources.map((u: { id: string }) => byId(u.id))).toEqual(['ann', 'ben', 'cat']);
    expectError(await call(dir, 'GET', `/Users?filter=${encodeURIComponent('seats co "1"')}`), 400, 'invalidFilter');
    expectError(await call(dir, 'GET', `/Users?filter=${encodeURIComponent('seats eq "many"')}`), 400, 'invalidFilter');
  });

  it('a field the host removes is no longer advertised or filterable; its values stay on the users', async () => {
    const r = await api(t, 'PUT', '/user-schema', { slug: 'hostapp', fields: FIELDS.filter((f) => f.key !== 'seats') });
    expect(r.status).toBe(200);
    const schema = await getOk(dir, `/Schemas/${URN}`);
    expect(schema.attributes.map((a: { name: string }) => a.name)).not.toContain('seats');
    expectError(await call(dir, 'GET', `/Users?filter=${encodeURIComponent('seats gt 1')}`), 400, 'invalidFilter');
    expect((await getOk(dir, `/Users/${ids.ann}`))[URN].seats).toBe(12);
    expect(await filtered('skills eq "go"')).toEqual(['ben']);
    await api(t, 'PUT', '/user-schema', { slug: 'hostapp', fields: FIELDS });
  });
});
