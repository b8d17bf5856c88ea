// RFC 7644 / RFC 7643 checklist (idp-behaviour.md §3) over HTTP against the built app. `call` asserts on every
// response that there is no 5xx and that a body comes as application/scim+json.
import { beforeAll, describe, expect, it } from 'vitest';
import { newDirectory, scim, targets, type ScimDirectory } from './harness';
import { call, createGroup, createUser, describeCall, expectEmptyList, expectError, expectList, getOk, simpleUser } from './scim-expect';
import {
  ERROR_URN,
  GROUP_URN,
  LIST_URN,
  PATCH_URN,
  SEARCH_URN,
  SPC_URN,
  USER_URN,
  ENTERPRISE_URN,
  patchBody,
  uniq,
  type PatchOperation,
} from '../../e2e/fixtures/idp/types';

describe.each(targets())('RFC 7644 against $name', (t) => {
  let dir: ScimDirectory;
  beforeAll(async () => {
    dir = await newDirectory(t, 'generic');
  });

  describe('errors and media type', () => {
    it('an unknown id → 404 with the Error URN and status as a string', async () => {
      const r = await call(dir, 'GET', '/Users/does-not-exist');
      expectError(r, 404);
      expect(r.body.schemas).toEqual([ERROR_URN]);
      expect(typeof r.body.status).toBe('string');
      expect(r.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    });

    it('accepts application/json and application/scim+json with a charset, and answers scim+json', async () => {
      for (const ct of ['application/json', 'application/scim+json', 'application/scim+json; charset=utf-8', 'application/json; charset=UTF-8']) {
        const r = await call(dir, 'POST', '/Users', { body: simpleUser(`ct_${uniq(6)}`), headers: { 'Content-Type': ct, Accept: 'application/scim+json' } });
        expect(r.status, `${ct}: ${describeCall(r)}`).toBe(201);
        expect(r.headers.get('content-type')).toMatch(/^application\/scim\+json/);
      }
    });
  });

  describe('§3.3 create and §3.14 ETags', () => {
    it('201 with Location == meta.location and the meta fields; readOnly input ignored', async () => {
      const r = await call(dir, 'POST', '/Users', {
        body: simpleUser(`loc_${uniq(6)}`, { id: 'client-chosen', meta: { resourceType: 'Nope', created: '2001-01-01T00:00:00Z' }, groups: [{ value: 'g1' }] }),
      });
      expect(r.status, describeCall(r)).toBe(201);
      expect(r.body.id).not.toBe('client-chosen');
      expect(r.headers.get('location')).toBe(r.body.meta.location);
      expect(r.body.meta.location).toBe(`${dir.endpoint}/Users/${r.body.id}`);
      expect(r.body.meta.resourceType).toBe('User');
      expect(Date.parse(r.body.meta.created)).toBeGreaterThan(Date.parse('2020-01-01'));
      expect(Date.parse(r.body.meta.lastModified)).toBeGreaterThanOrEqual(Date.parse(r.body.meta.created));
      expect(r.body.meta.version).toBeTruthy();
      expect(r.body.groups ?? []).toEqual([]);
      const g = await call(dir, 'POST', '/Groups', { body: { schemas: [GROUP_URN], displayName: `loc group ${uniq(6)}` } });
      expect(g.status).toBe(201);
      expect(g.headers.get('location')).toBe(g.body.meta.location);
      expect(g.body.meta.resourceType).toBe('Group');
    });

    it('ETag header == meta.version (weak) on POST, GET, PUT, PATCH; SPC advertises etag', async () => {
      const spc = await getOk(dir, '/ServiceProviderConfig');
      expect(spc.etag.supported).toBe(true);
      const c = await call(dir, 'POST', '/Users', { body: simpleUser(`etag_${uniq(6)}`) });
      expect(c.headers.get('etag')).toBe(c.body.meta.version);
      expect(c.body.meta.version).toMatch(/^W\/".+"$/);
      const g = await call(dir, 'GET', `/Users/${c.body.id}`);
      expect(g.headers.get('etag')).toBe(g.body.meta.version);
      const p = await call(dir, 'PATCH', `/Users/${c.body.id}`, { body: patchBody({ op: 'replace', path: 'title', value: 'x' }) });
      expect(p.status).toBe(200);
      expect(p.headers.get('etag')).toBe(p.body.meta.version);
      expect(p.body.meta.version).not.toBe(c.body.meta.version);
      const u = await call(dir, 'PUT', `/Users/${c.body.id}`, { body: simpleUser(String(c.body.userName), { title: 'y' }) });
      expect(u.headers.get('etag')).toBe(u.body.meta.version);
    });

    it('If-Match mismatch on PUT/PATCH/DELETE → 412 and nothing changes; a matching If-Match passes; If-None-Match match on GET → 304', async () => {
      const c = await createUser(dir, simpleUser(`ifm_${uniq(6)}`));
      const version = String((c.meta as { version: string }).version);
      const stale = 'W/"999999"';
      const put = await call(dir, 'PUT', `/Users/${c.id}`, { body: simpleUser(String(c.userName), { title: 'put' }), headers: { 'If-Match': stale } });
      expectError(put, 412);
      const patch = await call(dir, 'PATCH', `/Users/${c.id}`, {
        body: patchBody({ op: 'replace', path: 'title', value: 'p' }),
        headers: { 'If-Match': stale },
      });
      expectError(patch, 412);
      const del = await call(dir, 'DELETE', `/Users/${c.id}`, { headers: { 'If-Match': stale } });
      expectError(del, 412);
      const still = await getOk(dir, `/Users/${c.id}`);
      expect(still.title).toBeUndefined();
      expect(still.meta.version).toBe(version);

      const nm = await call(dir, 'GET', `/Users/${c.id}`, { headers: { 'If-None-Match': version } });
      expect(nm.status).toBe(304);
      expect(nm.text).toBe('');
      const nm2 = await call(dir, 'GET', `/Users/${c.id}`, { headers: { 'If-None-Match': stale } });
      expect(nm2.status).toBe(200);

      const ok = await call(dir, 'PATCH', `/Users/${c.id}`, {
        body: patchBody({ op: 'replace', path: 'title', value: 'p' }),
        headers: { 'If-Match': version },
      });
      expect(ok.status, describeCall(ok)).toBe(200);
      const d = await call(dir, 'DELETE', `/Users/${c.id}`, { headers: { 'If-Match': String(ok.body.meta.version) } });
      expect(d.status).toBe(204);
    });

    it('groups: ETag == meta.version, stale If-Match on PATCH → 412 and a membership change bumps the version', async () => {
      const m = await createUser(dir, simpleUser(`getag_${uniq(6)}`));
      const g = await call(dir, 'POST', '/Groups', { body: { schemas: [GROUP_URN], displayName: `etag group ${uniq(6)}` } });
      expect(g.headers.get('etag')).toBe(g.body.meta.version);
      expectError(
        await call(dir, 'PATCH', `/Groups/${g.body.id}`, {
          body: patchBody({ op: 'add', path: 'members', value: [{ value: m.id }] }),
          headers: { 'If-Match': 'W/"424242"' },
        }),
        412,
      );
      expect((await getOk(dir, `/Groups/${g.body.id}`)).members ?? []).toEqual([]);
      const p = await call(dir, 'PATCH', `/Groups/${g.body.id}`, {
        body: patchBody({ op: 'add', path: 'members', value: [{ value: m.id }] }),
        headers: { 'If-Match': String(g.body.meta.version) },
      });
      expect([200, 204], describeCall(p)).toContain(p.status);
      const after = await call(dir, 'GET', `/Groups/${g.body.id}`);
      expect(after.body.meta.version).not.toBe(g.body.meta.version);
      expect(after.headers.get('etag')).toBe(after.body.meta.version);
    });

    it('groups: a membership-only PATCH without If-Match moves the version and lastModified once per real change', async () => {
      const [m1, m2] = await Promise.all([createUser(dir, simpleUser(`gv1_${uniq(6)}`)), createUser(dir, simpleUser(`gv2_${uniq(6)}`))]);
      const g = await createGroup(dir, { schemas: [GROUP_URN], displayName: `version group ${uniq(6)}` });
      const versionOf = async () => (await getOk(dir, `/Groups/${g.id}`)).meta as { version: string; lastModified: string };
      const seen = [await versionOf()];
      const patch = async (op: PatchOperation, status = [200, 204]) => {
        const r = await call(dir, 'PATCH', `/Groups/${g.id}`, { body: patchBody(op) });
        expect(status, describeCall(r)).toContain(r.status);
        return versionOf();
      };
      seen.push(await patch({ op: 'add', path: 'members', value: [{ value: m1.id }] }));
      seen.push(await patch({ op: 'add', path: 'members', value: [{ value: m2.id }] }));
      seen.push(await patch({ op: 'remove', path: `members[value eq "${m1.id}"]` }));
      expect(new Set(seen.map((v) => v.version)).size).toBe(4);
      expect(Date.parse(seen[3].lastModified)).toBeGreaterThanOrEqual(Date.parse(seen[0].lastModified));
      // Adding a member who is already one changes nothing, the version included.
      const same = await patch({ op: 'add', path: 'members', value: [{ value: m2.id }] });
      expect(same.version).toBe(seen[3].version);
      expect((await getOk(dir, `/Groups/${g.id}`)).members).toEqual([expect.objectContaining({ value: m2.id })]);
    });
  });

  describe('§3.4.2 query: list fields, paging, sorting, .search, attributes', () => {
    let qdir: ScimDirectory;
    const names = ['delta', 'alpha', 'echo', 'charlie', 'bravo'].map((n) => `${n}_${uniq(4)}`);
    beforeAll(async () => {
      qdir = await newDirectory(t, 'generic');
      for (const n of names) await createUser(qdir, simpleUser(n, { displayName: n.toUpperCase(), title: 'T' }));
    });

    it('list fields; Resources: [] present on a miss', async () => {
      const r = await call(qdir, 'GET', '/Users');
      expectList(r);
      expect(r.body.totalResults).toBe(5);
      const miss = await call(qdir, 'GET', `/Users?filter=${encodeURIComponent('userName eq "zzz"')}`);
      expectEmptyList(miss);
      expect(miss.text).toContain('"Resources":[]');
      const g = await call(qdir, 'GET', '/Groups');
      expectEmptyList(g);
    });

    it('count=0 → no resources but the real totalResults; negative count → 0', async () => {
      for (const c of ['0', '-3']) {
        const r = await call(qdir, 'GET', `/Users?count=${c}`);
        expect(r.status, describeCall(r)).toBe(200);
        expect(r.body.totalResults).toBe(5);
        expect(r.body.Resources ?? []).toEqual([]);
        expect(r.body.itemsPerPage).toBe(0);
      }
    });

    it('startIndex 0 (and negative) → treated as 1', async () => {
      const one = await call(qdir, 'GET', '/Users?startIndex=1&count=2');
      for (const s of ['0', '-5']) {
        const r = await call(qdir, 'GET', `/Users?startIndex=${s}&count=2`);
        expectList(r);
        expect(r.body.startIndex).toBe(1);
        expect(r.body.Resources.map((x: { id: string }) => x.id)).toEqual(one.body.Resources.map((x: { id: string }) => x.id));
      }
      const past = await call(qdir, 'GET', '/Users?startIndex=50');
      expectList(past);
      expect(past.body.totalResults).toBe(5);
      expect(past.body.Resources).toEqual([]);
    });

    it('sortBy userName ascending (default) and descending', async () => {
      const sorted = [...names].sort();
      const asc = await call(qdir, 'GET', '/Users?sortBy=userName');
      expect(asc.body.Resources.map((x: { userName: string }) => x.userName)).toEqual(sorted);
      const asc2 = await call(qdir, 'GET', '/Users?sortBy=userName&sortOrder=ascending');
      expect(asc2.body.Resources.map((x: { userName: string }) => x.userName)).toEqual(sorted);
      const desc = await call(qdir, 'GET', '/Users?sortBy=userName&sortOrder=descending');
      expect(desc.body.Resources.map((x: { userName: string }) => x.userName)).toEqual([...sorted].reverse());
      const paged = await call(qdir, 'GET', '/Users?sortBy=userName&sortOrder=descending&startIndex=2&count=2');
      expect(paged.body.Resources.map((x: { userName: string }) => x.userName)).toEqual([...sorted].reverse().slice(1, 3));
    });

    it('POST /Users/.search and /.search with a SearchRequest body', async () => {
      const sr = { schemas: [SEARCH_URN], filter: `userName sw "${names[1].slice(0, 5)}"`, startIndex: 1, count: 10, attributes: ['userName'] };
      for (const path of ['/Users/.search', '/.search']) {
        const r = await call(qdir, 'POST', path, { body: sr });
        expectList(r);
        expect(r.body.totalResults, path).toBe(1);
        expect(r.body.Resources[0].userName).toBe(names[1]);
        expect(r.body.Resources[0].id).toBeTruthy();
        expect(r.body.Resources[0].emails, `${path} projection`).toBeUndefined();
      }
      const ex = await call(qdir, 'POST', '/Users/.search', { body: { schemas: [SEARCH_URN], excludedAttributes: ['emails'], sortBy: 'userName', count: 2 } });
      expectList(ex);
      expect(ex.body.totalResults).toBe(5);
      expect(ex.body.Resources.length).toBe(2);
      expect(ex.body.Resources[0].userName).toBe([...names].sort()[0]);
      expect(ex.body.Resources[0].emails).toBeUndefined();
      const g = await call(qdir, 'POST', '/Groups/.search', { body: { schemas: [SEARCH_URN] } });
      expectList(g);
      const bad = await call(qdir, 'POST', '/Users/.search', { body: { schemas: [USER_URN] } });
      expectError(bad, 400);
    });

    it('attributes / excludedAttributes on GET, list and POST/PUT/PATCH responses; id and schemas always returned', async () => {
      // In the shared directory, so that qdir keeps exactly its five users for the filter table.
      const u = await call(dir, 'POST', '/Users?attributes=userName', { body: simpleUser(`proj_${uniq(6)}`, { title: 'Boss' }) });
      expect(u.status, describeCall(u)).toBe(201);
      expect(u.body.id).toBeTruthy();
      expect(u.body.schemas).toContain(USER_URN);
      expect(u.body.userName).toBeTruthy();
      expect(u.body.title).toBeUndefined();
      expect(u.body.emails).toBeUndefined();
      const id: string = u.body.id;

      const g = await call(dir, 'GET', `/Users/${id}?excludedAttributes=emails,title`);
      expect(g.body.emails).toBeUndefined();
      expect(g.body.title).toBeUndefined();
      expect(g.body.userName).toBeTruthy();
      expect(g.body.id).toBe(id);
      const gn = await call(dir, 'GET', `/Users/${id}?attributes=name.givenName`);
      expect(gn.body.name).toEqual({ givenName: 'Given' });
      const urn = await call(dir, 'GET', `/Users/${id}?attributes=${encodeURIComponent(`${USER_URN}:title`)}`);
      expect(urn.body.title).toBe('Boss');
      expect(urn.body.userName).toBeUndefined();

      const put = await call(dir, 'PUT', `/Users/${id}?excludedAttributes=emails`, { body: simpleUser(String(u.body.userName), { title: 'Chief' }) });
      expect(put.status).toBe(200);
      expect(put.body.emails).toBeUndefined();
      expect(put.body.title).toBe('Chief');

      const patch = await call(dir, 'PATCH', `/Users/${id}?attributes=title`, { body: patchBody({ op: 'replace', path: 'title', value: 'CEO' }) });
      expect(patch.status, describeCall(patch)).toBe(200);
      expect(patch.body.title).toBe('CEO');
      expect(patch.body.userName).toBeUndefined();
      expect(patch.body.id).toBe(id);

      const list = await call(qdir, 'GET', '/Users?attributes=userName&count=2');
      for (const r of list.body.Resources) {
        expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(['id', 'userName']));
        expect(r.emails).toBeUndefined();
        expect(r.name).toBeUndefined();
      }
      const lex = await call(qdir, 'GET', '/Users?excludedAttributes=name,emails&count=2');
      for (const r of lex.body.Resources) {
        expect(r.name).toBeUndefined();
        expect(r.userName).toBeTruthy();
      }
    });

    // Filterable attributes are an allow-list (STYLE): title/nickName are not on it, so the table sticks to those that are.
    const filterCases = (): Array<[string, number]> => [
      [`userName eq "${names[0].toUpperCase()}"`, 1],
      [`USERNAME EQ "${names[0]}"`, 1],
      [`userName ne "${names[0]}"`, 4],
      [`userName co "${names[2].slice(2, 6)}"`, 1],
      [`userName ew "${names[3].slice(-4)}"`, 1],
      [`userName sw "${names[1].slice(0, 5).toUpperCase()}"`, 1],
      [`displayName pr`, 5],
      [`externalId pr`, 0],
      [`not (userName eq "${names[0]}")`, 4],
      [`userName eq "${names[0]}" or userName eq "${names[1]}" and active eq false`, 1],
      [`(userName eq "${names[0]}" or userName eq "${names[1]}") and active eq true`, 2],
      [`emails[type eq "work" and value co "${names[4].slice(0, 5)}"]`, 1],
      [`emails.value co "${names[4].slice(0, 5)}"`, 1],
      [`emails pr`, 5],
      [`meta.created gt "2020-01-01T00:00:00Z"`, 5],
      [`meta.lastModified lt "2020-01-01T00:00:00Z"`, 0],
      [`${USER_URN}:userName eq "${names[0]}"`, 1],
      [`${ENTERPRISE_URN}:employeeNumber eq "1"`, 0],
      [`active eq true`, 5],
      [`displayName eq "${names[0]}"`, 1],
      // LIKE wildcards in values are literal characters.
      [`userName sw "alph__"`, 0],
      [`userName co "%"`, 0],
      [`userName ew "_%"`, 0],
      // A JSON-escaped backslash: the value is one literal backslash.
      [`userName co "\\\\"`, 0],
    ];
    it.each(filterCases().map((_, i) => i))('filter table row %i: operators, case-insensitive names/operators, precedence, pr, not, URN paths', async (i) => {
      const [f, n] = filterCases()[i];
      const r = await call(qdir, 'GET', `/Users?filter=${encodeURIComponent(f)}`);
      expect(r.status, `${f}: ${describeCall(r)}`).toBe(200);
      expect(r.body.totalResults, f).toBe(n);
    });
  });

  describe('values that stress the storage layer', () => {
    it('non-ASCII userName: stored as sent, matched case-insensitively, unique case-insensitively', async () => {
      const n = `Jürgen.Ölßen.ÉÀ_${uniq(5)}@example.test`;
      const c = await createUser(dir, simpleUser(n));
      expect(c.userName).toBe(n);
      const f = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${n.toUpperCase().replace('SS', 'ß')}"`)}`);
      expect(f.status, describeCall(f)).toBe(200);
      expect(f.body.totalResults, 'upper-cased non-ASCII userName finds the user').toBe(1);
      const lower = n.toLowerCase();
      expectError(await call(dir, 'POST', '/Users', { body: simpleUser(lower) }), 409, 'uniqueness');
    });

    it('a quote inside a filter value (JSON escape) matches literally', async () => {
      const n = `quo"te\\back_${uniq(5)}`;
      const c = await createUser(dir, simpleUser(n));
      expect(c.userName).toBe(n);
      const f = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(n)}`)}`);
      expect(f.status, describeCall(f)).toBe(200);
      expect(f.body.totalResults).toBe(1);
      const co = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(`userName co ${JSON.stringify('o"te\\b')}`)}`);
      expect(co.body.totalResults).toBe(1);
    });

    it.each([
      ['deep nesting', `${'('.repeat(400)}userName eq "a"${')'.repeat(400)}`],
      ['long or-chain', Array.from({ length: 200 }, (_, i) => `userName eq "u${i}"`).join(' or ')],
      ['huge string', `userName eq "${'x'.repeat(6000)}"`],
      ['number compare on a string', 'userName gt 5'],
      ['null compare', 'userName eq null'],
      ['control chars', 'userName eq "\u0000\u0001"'],
      ['sw empty', 'userName sw ""'],
    ])('hostile filter (%s) → 200 or 400, never 5xx', async (_l, f) => {
      const r = await call(dir, 'GET', `/Users?filter=${encodeURIComponent(f)}`);
      expect([200, 400], describeCall(r)).toContain(r.status);
      if (r.status === 400) expectError(r, 400);
    });

    // PostgreSQL text cannot hold U+0000: the server must refuse it (400) or strip it, never fail with 500.
    it.each([
      ['POST /Users userName', 'post-user-name'],
      ['POST /Users displayName/title', 'post-user-attrs'],
      ['PATCH /Users nickName', 'patch-user'],
      ['POST /Groups displayName', 'post-group'],
    ])('NUL character in %s → 2xx or 400, never 5xx', async (_label, kind) => {
      let r;
      if (kind === 'post-user-name') r = await call(dir, 'POST', '/Users', { body: simpleUser(`nul\u0000_${uniq(5)}`) });
      else if (kind === 'post-user-attrs')
        r = await call(dir, 'POST', '/Users', { body: simpleUser(`nul2_${uniq(5)}`, { displayName: 'a\u0000b', title: 'c\u0001d' }) });
      else if (kind === 'patch-user') {
        const u = await createUser(dir, simpleUser(`nul3_${uniq(5)}`));
        r = await call(dir, 'PATCH', `/Users/${u.id}`, { body: patchBody({ op: 'replace', path: 'nickName', value: 'x\u0000y' }) });
      } else r = await call(dir, 'POST', '/Groups', { body: { schemas: [GROUP_URN], displayName: `g\u0000${uniq(5)}` } });
      expect([200, 201, 400], describeCall(r)).toContain(r.status);
    });

    it.each([
      'count=abc',
      'startIndex=abc',
      'count=1e9',
      'count=99999999999',
      'startIndex=99999999999',
      'count=2.5',
      'sortBy=nope',
      'sortOrder=sideways',
      'attributes=',
      'excludedAttributes=%2C%2C',
    ])('odd query %s → 200 or 400, never 5xx', async (q) => {
      const r = await call(dir, 'GET', `/Users?${q}`);
      expect([200, 400], describeCall(r)).toContain(r.status);
      if (r.status === 200) expectList(r);
    });

    it('a huge count is capped at filter.maxResults', async () => {
      const spc = await getOk(dir, '/ServiceProviderConfig');
      const r = await call(dir, 'GET', '/Users?count=100000');
      expectList(r);
      expect(r.body.itemsPerPage).toBeLessThanOrEqual(spc.filter.maxResults);
    });
  });

  describe('§3.5 PUT / PATCH', () => {
    it('PATCH remove without a path → 400 noTarget', async () => {
      const u = await createUser(dir, simpleUser(`nt_${uniq(6)}`));
      const r = await call(dir, 'PATCH', `/Users/${u.id}`, { body: patchBody({ op: 'remove' }) });
      expectError(r, 400, 'noTarget');
      const g = await createGroup(dir, { schemas: [GROUP_URN], displayName: `nt group ${uniq(6)}` });
      expectError(await call(dir, 'PATCH', `/Groups/${g.id}`, { body: patchBody({ op: 'remove' }) }), 400, 'noTarget');
    });

    it.each([
      ['remove without path', { op: 'remove' }],
      ['unknown op', { op: 'frobnicate', path: 'title', value: 'x' }],
      ['unparseable path', { op: 'replace', path: 'emails[type eq', value: 'x' }],
      ['wrong value type', { op: 'replace', path: 'active', value: 'maybe' }],
    ])('PATCH is all-or-nothing: a last op that fails (%s) leaves the resource untouched', async (_label, bad) => {
      const u = await createUser(dir, simpleUser(`aon_${uniq(6)}`, { displayName: 'Before', title: 'Before' }));
      const before = await call(dir, 'GET', `/Users/${u.id}`);
      const r = await call(dir, 'PATCH', `/Users/${u.id}`, {
        body: patchBody(
          { op: 'replace', path: 'displayName', value: 'After' },
          { op: 'add', path: 'nickName', value: 'After' },
          { op: 'replace', path: 'emails[type eq "work"].value', value: 'after@example.com' },
          bad,
        ),
      });
      expect(r.status, describeCall(r)).toBe(400);
      expectError(r, 400);
      const after = await call(dir, 'GET', `/Users/${u.id}`);
      expect(after.body).toEqual(before.body);
      expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    });

    it('group PATCH is all-or-nothing too', async () => {
      const m = await createUser(dir, simpleUser(`gaon_${uniq(6)}`));
      const g = await createGroup(dir, { schemas: [GROUP_URN], displayName: `aon group ${uniq(6)}` });
      const before = await call(dir, 'GET', `/Groups/${g.id}`);
      const r = await call(dir, 'PATCH', `/Groups/${g.id}`, {
        body: patchBody({ op: 'add', path: 'members', value: [{ value: m.id }] }, { op: 'replace', path: 'displayName', value: 'x' }, { op: 'remove' }),
      });
      expectError(r, 400);
      expect((await call(dir, 'GET', `/Groups/${g.id}`)).body).toEqual(before.body);
    });

    it('PATCH without the PatchOp URN or without Operations → 400', async () => {
      const u = await createUser(dir, simpleUser(`nop_${uniq(6)}`));
      expectError(await call(dir, 'PATCH', `/Users/${u.id}`, { body: { Operations: [{ op: 'replace', path: 'title', value: 'x' }] } }), 400);
      expectError(await call(dir, 'PATCH', `/Users/${u.id}`, { body: { schemas: [PATCH_URN] } }), 400);
    });

    it('PUT replaces: readOnly id ignored; missing userName → 400', async () => {
      const u = await createUser(dir, simpleUser(`put_${uniq(6)}`, { title: 'Gone soon', nickName: 'Nick' }));
      const r = await call(dir, 'PUT', `/Users/${u.id}`, { body: { schemas: [USER_URN], userName: u.userName, id: 'ignored', nickName: 'Nick2' } });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.id).toBe(u.id);
      expect(r.body.nickName).toBe('Nick2');
      expectError(await call(dir, 'PUT', `/Users/${u.id}`, { body: { schemas: [USER_URN], title: 'x' } }), 400);
    });

    it('PATCH add on a multi-valued attribute appends; identical value is a no-op; primary:true clears the others', async () => {
      const u = await createUser(dir, simpleUser(`mv_${uniq(6)}`));
      const add = patchBody({ op: 'add', path: 'emails', value: [{ value: 'home@example.com', type: 'home', primary: true }] });
      const r1 = await call(dir, 'PATCH', `/Users/${u.id}`, { body: add });
      expect(r1.status, describeCall(r1)).toBe(200);
      expect(r1.body.emails.length).toBe(2);
      expect(r1.body.emails.filter((e: { primary?: boolean }) => e.primary === true).length).toBe(1);
      expect(r1.body.emails.find((e: { primary?: boolean }) => e.primary).value).toBe('home@example.com');
      const r2 = await call(dir, 'PATCH', `/Users/${u.id}`, { body: add });
      expect(r2.body.emails.length).toBe(2);
    });
  });

  describe('§3.6 DELETE', () => {
    it.each(['Users', 'Groups'])('DELETE /%s/{id} → 204, then every operation on the id → 404', async (res) => {
      const created =
        res === 'Users'
          ? await createUser(dir, simpleUser(`del_${uniq(6)}`))
          : await createGroup(dir, { schemas: [GROUP_URN], displayName: `del group ${uniq(6)}` });
      const d = await call(dir, 'DELETE', `/${res}/${created.id}`);
      expect(d.status).toBe(204);
      expect(d.text).toBe('');
      const body = res === 'Users' ? simpleUser(`del2_${uniq(6)}`) : { schemas: [GROUP_URN], displayName: 'x' };
      expectError(await call(dir, 'GET', `/${res}/${created.id}`), 404);
      expectError(await call(dir, 'PUT', `/${res}/${created.id}`, { body }), 404);
      expectError(await call(dir, 'PATCH', `/${res}/${created.id}`, { body: patchBody({ op: 'replace', path: 'displayName', value: 'y' }) }), 404);
      expectError(await call(dir, 'DELETE', `/${res}/${created.id}`), 404);
    });
  });

  describe('§3.11 /Me, §3.7 Bulk and §4 discovery', () => {
    it('/Me → 501; /Bulk → 501 (bulk.supported false)', async () => {
      expectError(await call(dir, 'GET', '/Me'), 501);
      expectError(await call(dir, 'POST', '/Bulk', { body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] } }), 501);
    });

    it('ServiceProviderConfig is a single object with the SPC URN and every sub-object', async () => {
      const r = await getOk(dir, '/ServiceProviderConfig');
      expect(r.schemas).toContain(SPC_URN);
      expect(r.totalResults).toBeUndefined();
      expect(r.Resources).toBeUndefined();
      expect(r.patch.supported).toBe(true);
      expect(r.bulk.supported).toBe(false);
      expect(typeof r.bulk.maxOperations).toBe('number');
      expect(typeof r.bulk.maxPayloadSize).toBe('number');
      expect(r.filter.supported).toBe(true);
      expect(typeof r.filter.maxResults).toBe('number');
      expect(typeof r.changePassword.supported).toBe('boolean');
      expect(r.sort.supported).toBe(true);
      expect(r.authenticationSchemes.length).toBeGreaterThan(0);
      for (const k of ['type', 'name', 'description']) expect(r.authenticationSchemes[0][k]).toBeTruthy();
    });

    it('ResourceTypes list and ResourceTypes/User', async () => {
      const l = await call(dir, 'GET', '/ResourceTypes');
      expectList(l);
      const names = l.body.Resources.map((x: { name: string }) => x.name);
      expect(names).toEqual(expect.arrayContaining(['User', 'Group']));
      const u = await getOk(dir, '/ResourceTypes/User');
      expect(u.id).toBe('User');
      expect(u.name).toBe('User');
      expect(u.endpoint).toBe('/Users');
      expect(u.schema).toBe(USER_URN);
      expect(u.schemaExtensions).toEqual(expect.arrayContaining([expect.objectContaining({ schema: ENTERPRISE_URN, required: false })]));
      expectError(await call(dir, 'GET', '/ResourceTypes/Nope'), 404);
    });

    it('Schemas list and Schemas/{urn}; unknown id → 404', async () => {
      const l = await call(dir, 'GET', '/Schemas');
      expectList(l);
      const ids = l.body.Resources.map((x: { id: string }) => x.id);
      expect(ids).toEqual(expect.arrayContaining([USER_URN, GROUP_URN, ENTERPRISE_URN]));
      const s = await getOk(dir, `/Schemas/${USER_URN}`);
      expect(s.id).toBe(USER_URN);
      expect(s.name).toBeTruthy();
      const userName = s.attributes.find((a: { name: string }) => a.name === 'userName');
      for (const k of ['type', 'multiValued', 'required', 'caseExact', 'mutability', 'returned', 'uniqueness']) expect(userName[k], k).toBeDefined();
      expect(userName.required).toBe(true);
      expect(userName.uniqueness).toBe('server');
      const g = await getOk(dir, `/Schemas/${GROUP_URN}`);
      expect(g.attributes.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['displayName', 'members']));
      expectError(await call(dir, 'GET', '/Schemas/urn:example:nope'), 404);
    });

    it.each(['/ServiceProviderConfig', '/ResourceTypes', '/Schemas', '/ResourceTypes/User', `/Schemas/${USER_URN}`])('writes to %s → 405', async (path) => {
      for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const r = await call(dir, m, path, m === 'DELETE' ? {} : { body: { schemas: [USER_URN] } });
        expect(r.status, `${m} ${path}: ${describeCall(r)}`).toBe(405);
      }
    });

    it('unknown endpoints → 404', async () => {
      expectError(await call(dir, 'GET', '/Widgets'), 404);
    });
  });

  describe('bad input', () => {
    it('malformed JSON → 400 on POST, PUT and PATCH', async () => {
      const u = await createUser(dir, simpleUser(`bad_${uniq(6)}`));
      for (const [m, p] of [
        ['POST', '/Users'],
        ['PUT', `/Users/${u.id}`],
        ['PATCH', `/Users/${u.id}`],
        ['POST', '/Groups'],
      ]) {
        const r = await call(dir, m, p, { rawBody: '{"userName": "x",', headers: { 'Content-Type': 'application/scim+json' } });
        expectError(r, 400);
      }
      expectError(await call(dir, 'POST', '/Users', { rawBody: '[1,2]', headers: { 'Content-Type': 'application/json' } }), 400);
      expectError(await call(dir, 'POST', '/Users', { rawBody: '', headers: { 'Content-Type': 'application/json' } }), 400);
    });

    it.each([
      ['userName: 5', { userName: 5 }],
      ['active: "maybe"', { active: 'maybe' }],
      ['emails: "x"', { emails: 'x' }],
      ['name: "x"', { name: 'x' }],
      ['userName: ""', { userName: '' }],
      ['userName: null', { userName: null }],
    ])('wrong types on POST /Users (%s) → 400', async (_l, override) => {
      const r = await call(dir, 'POST', '/Users', { body: { ...simpleUser(`wt_${uniq(6)}`), ...override } });
      expectError(r, 400);
    });

    it('wrong types on POST /Groups (displayName missing or not a string) → 400', async () => {
      for (const body of [{ schemas: [GROUP_URN] }, { schemas: [GROUP_URN], displayName: 7 }]) {
        expectError(await call(dir, 'POST', '/Groups', { body }), 400);
      }
    });

    it.each([
      'userName eq',
      'userName xx "a"',
      '(userName eq "a"',
      'userName eq "a")',
      'userName eq "a" and',
      'userName eq "unterminated',
      'foo bar baz',
      'noSuchAttribute eq "x"',
      'active gt true',
      'emails[type eq "work"',
      'and',
      '"quoted"',
    ])('invalid filter %s → 400 invalidFilter', async (f) => {
      expectError(await call(dir, 'GET', `/Users?filter=${encodeURIComponent(f)}`), 400, 'invalidFilter');
    });

    it('invalid filter on /Groups and in .search → 400 invalidFilter', async () => {
      expectError(await call(dir, 'GET', `/Groups?filter=${encodeURIComponent('displayName eq')}`), 400, 'invalidFilter');
      expectError(await call(dir, 'POST', '/Users/.search', { body: { schemas: [SEARCH_URN], filter: 'userName eq' } }), 400, 'invalidFilter');
    });

    it.each(['Users', 'Groups'])('unknown ids under /%s → 404 for GET, PUT, PATCH, DELETE', async (res) => {
      for (const id of ['nope', 'usr_doesnotexist', 'grp_doesnotexist', '%23']) {
        expectError(await call(dir, 'GET', `/${res}/${id}`), 404);
        expectError(await call(dir, 'DELETE', `/${res}/${id}`), 404);
        expectError(await call(dir, 'PATCH', `/${res}/${id}`, { body: patchBody({ op: 'replace', path: 'displayName', value: 'x' }) }), 404);
        const body = res === 'Users' ? simpleUser(`unk_${uniq(6)}`) : { schemas: [GROUP_URN], displayName: `unk ${uniq(6)}` };
        expectError(await call(dir, 'PUT', `/${res}/${id}`, { body }), 404);
      }
    });

    it('auth: missing token, wrong token, another scheme, and directory A’s token at B → 401 Error', async () => {
      const other = await newDirectory(t, 'generic');
      const cases: Array<[string, string | null]> = [
        ['missing', null],
        ['wrong', 'Bearer not-a-real-token'],
        ['empty bearer', 'Bearer '],
        ['basic', 'Basic dXNlcjpwYXNz'],
        ['other directory token', `Bearer ${other.token}`],
      ];
      for (const [label, auth] of cases) {
        const r = await call(dir, 'GET', '/Users', { auth });
        expect(r.status, `${label}: ${describeCall(r)}`).toBe(401);
        expectError(r, 401);
      }
      const w = await call(dir, 'POST', '/Users', { body: simpleUser(`auth_${uniq(6)}`), auth: `Bearer ${other.token}` });
      expectError(w, 401);
    });

    it('membership PATCHes across directories: another directory’s group id → 404, a token at the wrong URL → 401, nothing moves', async () => {
      const other = await newDirectory(t, 'generic');
      const mine = await createUser(dir, simpleUser(`xm_${uniq(6)}`));
      const theirs = await createUser(other, simpleUser(`xt_${uniq(6)}`));
      const myGroup = await createGroup(dir, { schemas: [GROUP_URN], displayName: `x mine ${uniq(6)}` });
      const theirGroup = await createGroup(other, { schemas: [GROUP_URN], displayName: `x theirs ${uniq(6)}` });
      const add = (value: string) => ({ body: patchBody({ op: 'add', path: 'members', value: [{ value }] }) });
      // My token, my URL, their group's id: not found in my directory.
      expectError(await call(dir, 'PATCH', `/Groups/${theirGroup.id}`, add(mine.id)), 404);
      // Their token at my URL (their group or mine): refused before anything is read.
      expectError(await call(dir, 'PATCH', `/Groups/${theirGroup.id}`, { ...add(theirs.id), auth: `Bearer ${other.token}` }), 401);
      expectError(await call(dir, 'PATCH', `/Groups/${myGroup.id}`, { ...add(theirs.id), auth: `Bearer ${other.token}` }), 401);
      // Unknown group, membership-only change.
      expectError(await call(dir, 'PATCH', '/Groups/grp_doesnotexist', add(mine.id)), 404);
      expectError(await call(dir, 'PATCH', '/Groups/grp_doesnotexist', { body: patchBody({ op: 'remove', path: `members[value eq "${mine.id}"]` }) }), 404);
      expect((await getOk(dir, `/Groups/${myGroup.id}`)).members ?? []).toEqual([]);
      expect((await getOk(other, `/Groups/${theirGroup.id}`)).members ?? []).toEqual([]);
      // And the right one still works: my user into my group.
      const ok = await call(dir, 'PATCH', `/Groups/${myGroup.id}`, add(mine.id));
      expect([200, 204], describeCall(ok)).toContain(ok.status);
      expect(((await getOk(dir, `/Groups/${myGroup.id}`)).members as { value: string }[]).map((m) => m.value)).toEqual([mine.id]);
    });

    it('a body over 1 MB → 413 with a SCIM error body', async () => {
      const big = simpleUser(`big_${uniq(6)}`, { title: 'x'.repeat(1024 * 1024 + 100) });
      const r = await call(dir, 'POST', '/Users', { body: big });
      expectError(r, 413);
      const u = await createUser(dir, simpleUser(`big2_${uniq(6)}`));
      const p = await call(dir, 'PATCH', `/Users/${u.id}`, { body: patchBody({ op: 'replace', path: 'title', value: 'y'.repeat(1100 * 1024) }) });
      expectError(p, 413);
    });

    it('a body just under 1 MB is not refused for size', async () => {
      const u = simpleUser(`near_${uniq(6)}`);
      const size = JSON.stringify({ ...u, title: '' }).length;
      const r = await scim(dir, 'POST', '/Users', { body: { ...u, title: 'z'.repeat(1024 * 1024 - size - 10) } });
      expect(r.status, describeCall(r)).not.toBe(413);
      expect(r.status).toBeLessThan(500);
    });
  });

  describe('§3.5.2 PATCH semantics on users', () => {
    it('add with no path merges; replace of a complex attribute only touches given sub-attributes; remove a valuePath', async () => {
      const u = await createUser(
        dir,
        simpleUser(`sem_${uniq(6)}`, {
          phoneNumbers: [
            { value: '1', type: 'work' },
            { value: '2', type: 'mobile' },
          ],
        }),
      );
      const r = await call(dir, 'PATCH', `/Users/${u.id}`, {
        body: patchBody(
          { op: 'add', value: { nickName: 'nn', name: { middleName: 'M' } } },
          { op: 'replace', path: 'name', value: { givenName: 'G2' } },
          { op: 'remove', path: 'phoneNumbers[type eq "mobile"]' },
        ),
      });
      expect(r.status, describeCall(r)).toBe(200);
      expect(r.body.nickName).toBe('nn');
      expect(r.body.name.middleName).toBe('M');
      expect(r.body.name.givenName).toBe('G2');
      expect(r.body.name.familyName).toBe('Family');
      expect(r.body.phoneNumbers).toEqual([expect.objectContaining({ value: '1', type: 'work' })]);
      const rm = await call(dir, 'PATCH', `/Users/${u.id}`, { body: patchBody({ op: 'remove', path: 'phoneNumbers' }) });
      expect(rm.status).toBe(200);
      expect(rm.body.phoneNumbers ?? []).toEqual([]);
    });

    it('removing userName (required) → 400; replacing id (readOnly) is ignored or 400, never applied', async () => {
      const u = await createUser(dir, simpleUser(`req_${uniq(6)}`));
      const r = await call(dir, 'PATCH', `/Users/${u.id}`, { body: patchBody({ op: 'remove', path: 'userName' }) });
      expect(r.status, describeCall(r)).toBe(400);
      const id = await call(dir, 'PATCH', `/Users/${u.id}`, { body: patchBody({ op: 'replace', path: 'id', value: 'hijack' }) });
      expect([200, 204, 400]).toContain(id.status);
      expect((await getOk(dir, `/Users/${u.id}`)).id).toBe(u.id);
      expectError(await call(dir, 'GET', '/Users/hijack'), 404);
    });

    it('a userName clash through PATCH or PUT → 409 uniqueness', async () => {
      const a = await createUser(dir, simpleUser(`clashA_${uniq(6)}`));
      const b = await createUser(dir, simpleUser(`clashB_${uniq(6)}`));
      expectError(
        await call(dir, 'PATCH', `/Users/${b.id}`, { body: patchBody({ op: 'replace', path: 'userName', value: String(a.userName).toUpperCase() }) }),
        409,
        'uniqueness',
      );
      expectError(await call(dir, 'PUT', `/Users/${b.id}`, { body: simpleUser(String(a.userName)) }), 409, 'uniqueness');
      const ga = await createGroup(dir, { schemas: [GROUP_URN], displayName: `clash ${uniq(6)}` });
      const gb = await createGroup(dir, { schemas: [GROUP_URN], displayName: `clash ${uniq(6)}` });
      expectError(
        await call(dir, 'PATCH', `/Groups/${gb.id}`, { body: patchBody({ op: 'replace', path: 'displayName', value: String(ga.displayName) }) }),
        409,
        'uniqueness',
      );
    });
  });

  it('list responses of /Users use the ListResponse URN and each resource the User URN', async () => {
    const r = await call(dir, 'GET', '/Users?count=3');
    expect(r.body.schemas).toEqual([LIST_URN]);
    for (const u of r.body.Resources) expect(u.schemas).toContain(USER_URN);
  });
});
