// Issue 18, items 3 and 4 over HTTP on both databases: a directory's attribute mapping through the host API (read,
// preview, save, the recompute's progress), mapped values on the host API's users (`customAttributes`, with
// warnings) and in events, and the user list filtered by them. The host's fields are host-fields.test.ts's own
// declaration (the app's host is shared by the files running at once), so this file only re-declares it as is.
import { beforeAll, describe, expect, it } from 'vitest';
import { api, feedEnd, newDirectory, targets, type ScimDirectory } from './harness';
import { ensureHostFields, HOSTAPP_URN } from './host-fields-fixture';
import { openSession } from './portal-session-client';
import { call, createUser, describeCall } from './scim-expect';
import { PATCH_URN, USER_URN, uniq } from '../../e2e/fixtures/idp/types';

const URN = HOSTAPP_URN;
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const OKTA = 'urn:ietf:params:scim:schemas:extension:oktacustom:2.0:User';
const MAPPING = {
  fields: {
    licenceTier: { sources: [`${ENTERPRISE}:department`, 'title'], default: 'unassigned' },
    isContractor: { sources: [`${OKTA}:contractor`] },
  },
};

interface ApiUser {
  id: string;
  userName: string;
  customAttributes: Record<string, unknown>;
  attributeWarnings: { field: string; message: string }[];
}
interface Envelope {
  type: string;
  directoryId: string;
  data: ApiUser;
  previousAttributes?: { customAttributes?: Record<string, unknown> };
}

describe.each(targets())('attribute mapping against $name', (t) => {
  let dir: ScimDirectory;
  const ids: Record<string, string> = {};
  // The directory's user events: the health check adds directory.connected and directory.health.changed at its own
  // moment, which may fall in any window a test reads.
  const userEventOfDir = (e: Envelope) => e.directoryId === dir.directoryId && e.type.startsWith('directory.user.');
  const users = async (query = '') => {
    const r = await api(t, 'GET', `/directories/${dir.directoryId}/users?limit=100${query}`);
    expect(r.status).toBe(200);
    return Object.fromEntries(((await r.json()).data as ApiUser[]).map((u) => [u.userName.split('.')[0], u]));
  };
  // host-fields.test.ts removes a field for a moment: that restarts every directory's recompute (a new version,
  // nothing changed here), so versions are compared, not counted.
  const waitForJob = async (version: number) => {
    for (let i = 0; i < 400; i++) {
      const m = await (await api(t, 'GET', `/directories/${dir.directoryId}/attribute-mapping`)).json();
      if (m.job?.status === 'done' && m.job.version >= version) return m;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the recompute did not finish');
  };

  beforeAll(async () => {
    await ensureHostFields(t);
    dir = await newDirectory(t, 'okta');
    const user = async (key: string, extra: Record<string, unknown>) =>
      (ids[key] = (await createUser(dir, { schemas: [USER_URN], userName: `${key}.${uniq(6)}@example.com`, ...extra } as never)).id);
    await user('ann', { [ENTERPRISE]: { department: 'Sales' }, title: 'Engineer', [OKTA]: { contractor: 'True' } });
    await user('ben', { title: 'Support' });
    await user('cat', {});
    await user('dan', { [OKTA]: { contractor: 'sometimes' } });
  });

  it('maps from the extension by default, then previews, saves and recomputes a mapping with fallbacks and a default', async () => {
    const before = await (await api(t, 'GET', `/directories/${dir.directoryId}/attribute-mapping`)).json();
    expect(before).toMatchObject({ extension: URN });
    expect(before.fields[0]).toMatchObject({ key: 'licenceTier', sources: [`${URN}:licenceTier`], default: null, fieldDefault: 'free' });
    expect((await users()).ann.customAttributes).toMatchObject({ licenceTier: 'free' });

    const sources = await (await api(t, 'GET', `/directories/${dir.directoryId}/attribute-mapping/sources`)).json();
    expect(sources.sampled).toBe(4);
    expect(sources.paths).toEqual(
      expect.arrayContaining([
        { path: 'userName', users: 4 },
        { path: 'title', users: 2 },
        { path: `${ENTERPRISE}:department`, users: 1 },
        { path: `${OKTA}:contractor`, users: 2 },
      ]),
    );

    const preview = await api(t, 'POST', `/directories/${dir.directoryId}/attribute-mapping/preview`, { ...MAPPING, limit: 10 });
    expect(preview.status).toBe(200);
    const p = await preview.json();
    const byName = Object.fromEntries(p.users.map((u: ApiUser & { values: Record<string, unknown> }) => [u.userName.split('.')[0], u.values]));
    expect(byName).toMatchObject({ ann: { licenceTier: 'Sales', isContractor: true }, ben: { licenceTier: 'Support' }, cat: { licenceTier: 'unassigned' } });
    expect(p.fields).toEqual(expect.arrayContaining([{ key: 'isContractor', missing: 3, failed: 1 }]));
    // The preview changed nothing.
    expect((await users()).ann.customAttributes).toMatchObject({ licenceTier: 'free' });

    const { cursor } = await feedEnd<Envelope>(t);
    const saved = await api(t, 'PUT', `/directories/${dir.directoryId}/attribute-mapping`, MAPPING);
    expect(saved.status).toBe(200);
    const first = await saved.json();
    expect(first).toMatchObject({
      fields: expect.arrayContaining([expect.objectContaining({ key: 'licenceTier', sources: MAPPING.fields.licenceTier.sources, default: 'unassigned' })]),
    });
    expect(first.version).toBeGreaterThan(before.version);
    expect((await waitForJob(first.version)).job).toMatchObject({ status: 'done', total: 4, done: 4 });

    const now = await users();
    expect(now.ann.customAttributes).toEqual({ licenceTier: 'Sales', isContractor: true });
    expect(now.ben.customAttributes).toEqual({ licenceTier: 'Support' });
    expect(now.cat.customAttributes).toEqual({ licenceTier: 'unassigned' });
    expect(now.dan.attributeWarnings).toEqual([expect.objectContaining({ field: 'isContractor', message: `${OKTA}:contractor is not a boolean` })]);

    const events = (await feedEnd<Envelope>(t, cursor)).events.filter(userEventOfDir);
    expect(events.map((e) => e.type)).toEqual(Array(4).fill('directory.user.updated'));
    expect(events.find((e) => e.data.id === ids.ann)!.previousAttributes).toEqual({ customAttributes: { licenceTier: 'free', isContractor: null } });

    // Saved again unchanged: recomputed, nothing changed, no event.
    const { cursor: again } = await feedEnd<Envelope>(t);
    const second = await api(t, 'PUT', `/directories/${dir.directoryId}/attribute-mapping`, MAPPING);
    expect(second.status).toBe(200);
    const { version } = await second.json();
    expect(version).toBeGreaterThan(first.version);
    expect((await waitForJob(version)).job).toMatchObject({ done: 4, changed: 0 });
    expect((await feedEnd<Envelope>(t, again)).events.filter(userEventOfDir)).toEqual([]);
  });

  it('maps on every SCIM write: a value that does not convert is a warning and a 2xx; an update event only when a mapped value changed', async () => {
    const { cursor } = await feedEnd<Envelope>(t);
    const patch = (id: string, value: unknown) =>
      call(dir, 'PATCH', `/Users/${id}`, { body: { schemas: [PATCH_URN], Operations: [{ op: 'replace', path: `${OKTA}:contractor`, value }] } });
    const odd = await patch(ids.ben, 'maybe');
    expect(odd.status, describeCall(odd)).toBe(200);
    expect((await users()).ben.attributeWarnings).toEqual([expect.objectContaining({ field: 'isContractor' })]);
    expect((await patch(ids.ben, 'False')).status).toBe(200);
    expect((await users()).ben).toMatchObject({ customAttributes: { licenceTier: 'Support', isContractor: false }, attributeWarnings: [] });
    const events = (await feedEnd<Envelope>(t, cursor)).events.filter(userEventOfDir);
    expect(events.map((e) => e.previousAttributes?.customAttributes)).toEqual([undefined, { isContractor: null }]);
  });

  it('filters the host API user list by mapped values', async () => {
    const found = async (filter: string) => Object.keys(await users(`&filter=${encodeURIComponent(filter)}`)).sort();
    expect(await found('customAttributes.licenceTier eq "sales"')).toEqual(['ann']);
    expect(await found('customAttributes.isContractor eq true or customAttributes.licenceTier sw "Supp"')).toEqual(['ann', 'ben']);
    expect(await found('customAttributes.isContractor pr')).toEqual(['ann', 'ben']);
    const bad = await api(t, 'GET', `/directories/${dir.directoryId}/users?filter=${encodeURIComponent('customAttributes.nope eq 1')}`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_filter');
  });

  it('refuses a bad mapping with 400 and an unknown directory with 404', async () => {
    for (const fields of [
      { nope: { sources: ['title'] } },
      { licenceTier: { sources: ['emails[type eq'] } },
      { licenceTier: { sources: Array(6).fill('title') } },
    ]) {
      const r = await api(t, 'PUT', `/directories/${dir.directoryId}/attribute-mapping`, { fields });
      expect(r.status, JSON.stringify(fields)).toBe(400);
    }
    expect((await api(t, 'GET', '/directories/dir_nope/attribute-mapping')).status).toBe(404);
    expect((await api(t, 'POST', '/directories/dir_nope/attribute-mapping/preview', { fields: {} })).status).toBe(404);
  });

  it("keeps portal sessions to their own organization's directories: another's mapping is 404 to read, preview and save", async () => {
    const own = await openSession(t, dir.orgId);
    expect((await own.call('GET', `/directories/${dir.directoryId}/attribute-mapping`)).status).toBe(200);
    expect((await own.call('GET', `/directories/${dir.directoryId}/attribute-mapping/sources`)).status).toBe(200);
    const other = await newDirectory(t, 'entra');
    const stranger = await openSession(t, other.orgId);
    const before = await (await api(t, 'GET', `/directories/${dir.directoryId}/attribute-mapping`)).json();
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['GET', '/sources', undefined],
      ['POST', '/preview', { fields: {} }],
      ['PUT', '', { fields: { licenceTier: { sources: ['nickName'] } } }],
    ] as const) {
      const r = await stranger.call(method, `/directories/${dir.directoryId}/attribute-mapping${path}`, body);
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    expect((await (await api(t, 'GET', `/directories/${dir.directoryId}/attribute-mapping`)).json()).version).toBe(before.version);
  });
});
