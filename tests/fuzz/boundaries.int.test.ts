// Property-based fuzzing of the two trust boundaries on a real database (SQLite and PostgreSQL): serveScim (token
// auth, body limit, error mapping, then the SCIM core) and withApiKey (the host API). Every generated request must
// get a status below 500, a well-formed error body when refused, and leave the database exactly as it was when
// refused (fuzz-harness.ts). At least 10,000 requests per run; FUZZ_SEED replays a run, FUZZ_SCALE resizes it. Requests at
// the bounds of lib/env/scim-limits.ts and filters full of LIKE wildcards are among them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { write } from '../../lib/db/database';
import { createDirectory } from '../../lib/directory/directories';
import { createDirectoryToken } from '../../lib/directory/tokens';
import type { DirectoryScope } from '../../lib/events/event-types';
import { createApiKey } from '../../lib/host-api/api-keys';
import { getGroups, getUsers, postToken } from '../../lib/host-api/directories-api';
import { getEvents } from '../../lib/host-api/events-api';
import { getOrganizations, postDirectory, postOrganization } from '../../lib/host-api/organizations-api';
import { postRole, putRoleMappings } from '../../lib/host-api/roles-api';
import { postEndpoint } from '../../lib/host-api/webhooks-api';
import { withApiKey } from '../../lib/host-api/with-api-key';
import { GET as scimRoute } from '../../app/scim/v2/[directoryId]/[[...path]]/route';
import { createOrganization } from '../../lib/organizations/organizations';
import { createRole } from '../../lib/roles/roles';
import { flushRequestLog } from '../../lib/scim/request-log';
import { createEndpoint, deleteEndpoint } from '../../lib/webhooks/endpoints';
import { newDirectory } from '../int/scim-helpers';
import { boundsRequest } from './bounds-arbitraries';
import { filterRequest } from './filter-arbitraries';
import {
  COLLECT,
  DbWatch,
  failures,
  installChangeCounters,
  invalidateFingerprint,
  runs,
  SEED,
  step,
  timing,
  sendApi,
  sendScim,
  sent,
  type ApiRoute,
  type FuzzScimRequest,
  type ScimOutcome,
} from './fuzz-harness';
import { apiRequest, type GenApiRequest, type RouteName } from './host-arbitraries';
import {
  listRequest,
  oversized,
  patchRequest,
  patchWithInvalidLast,
  randomRequest,
  resourceWrite,
  routeRequest,
  USER_URN,
  GROUP_URN,
  type Auth,
  type GenRequest,
} from './scim-arbitraries';
import { createHost } from '../../lib/hosts/hosts';

const TIMEOUT = 600_000;
// Rate limits (lib/rate-limit) would answer most of these requests 429; they are not what is fuzzed here.
process.env.RATE_LIMITS = 'off';

// Internal errors are logged, not thrown (serveScim, withApiKey, the request-log writer): collect them all.
const logged: string[] = [];
const realError = console.error.bind(console);
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  logged.push(args.map(String).join(' ').slice(0, 1500));
  realError(...args);
});

let scope: DirectoryScope;
let token: string;
let otherDirectoryToken: string;
let watch: DbWatch;
const pool = { user: [] as string[], group: [] as string[] };
let seedNo = 0;
const started = Date.now();

async function seedsIfNeeded(): Promise<void> {
  while (pool.user.length < 4) {
    const n = ++seedNo;
    const r = await scim(
      {
        method: 'POST',
        path: ['Users'],
        body: JSON.stringify({
          schemas: [USER_URN],
          userName: `seed-${n}@seed.example`,
          name: { givenName: 'Seed', familyName: `No${n}` },
          emails: [{ value: `seed-${n}@seed.example`, type: 'work', primary: true }],
          active: true,
          title: 'Seed',
        }),
      },
      'valid',
      false,
    );
    expect(r.res.status).toBe(201);
  }
  while (pool.group.length < 3) {
    const n = ++seedNo;
    const members = pool.user.slice(0, 2).map((value) => ({ value }));
    const r = await scim(
      { method: 'POST', path: ['Groups'], body: JSON.stringify({ schemas: [GROUP_URN], displayName: `Seed Group ${n}`, members }) },
      'valid',
      false,
    );
    expect(r.res.status).toBe(201);
  }
}

const resolve = (s: string) =>
  s.replace(/@(user|group):(\d+)/g, (_, kind: 'user' | 'group', n: string) => {
    const p = pool[kind];
    return p.length ? p[Number(n) % p.length] : `${kind === 'user' ? 'usr' : 'grp'}_gone0000000000000000`;
  });

function authHeader(a: Auth): Record<string, string> {
  switch (a) {
    case 'valid':
      return {};
    case 'none':
      return { authorization: '' };
    case 'basic':
      return { authorization: 'Basic dXNlcjpwYXNz' };
    case 'garbage':
      return { authorization: 'Bearer scim_0000000000000000000000000000' };
    case 'other-directory':
      return { authorization: `Bearer ${otherDirectoryToken}` };
    case 'lowercase-scheme':
      return { authorization: `bearer ${token}` };
    case 'padded':
      return { authorization: `  Bearer   ${token}  ` };
  }
}

/** Resolves placeholders, sends, checks the invariants, and keeps the id pools current. */
async function scim(g: GenRequest & { bodyBytes?: number | null }, a: Auth = 'valid', count = true): Promise<ScimOutcome> {
  const q = new URLSearchParams(g.query ?? '');
  const r: FuzzScimRequest = {
    method: g.method,
    path: g.path.map(resolve),
    query: new URLSearchParams([...q].map(([k, v]) => [resolve(k), resolve(v)])).toString(),
    body: g.body === undefined || g.body === null ? null : resolve(g.body),
    headers: { ...g.headers, ...authHeader(a) },
    ...(g.bodyBytes !== undefined ? { bodyBytes: g.bodyBytes } : {}),
  };
  const out = await sendScim(watch, token, r);
  if (!count) sent.scim--;
  const [res = '', id] = r.path;
  const kind = res.toLowerCase() === 'users' ? 'user' : res.toLowerCase() === 'groups' ? 'group' : null;
  const m = r.method.toUpperCase();
  if (kind && m === 'POST' && !id && out.res.status === 201 && typeof out.body.id === 'string') pool[kind].push(out.body.id);
  if (kind && m === 'DELETE' && id && out.res.status === 204) pool[kind] = pool[kind].filter((x) => x !== id);
  return out;
}

beforeAll(async () => {
  await installChangeCounters();
  scope = await newDirectory();
  const neighbour = await write((env) => createOrganization(env, { hostId: scope.hostId, name: 'Fuzz Neighbour Org' }));
  const other = await write((env) => createDirectory(env, { organizationId: neighbour.id, provider: 'entra' }));
  otherDirectoryToken = other.token.token;
  token = (await write((env) => createDirectoryToken(env, { directoryId: scope.directoryId }))).token;
  watch = new DbWatch(scope.directoryId);
  invalidateFingerprint();
  await seedsIfNeeded();
  console.log(`fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), database ${process.env.TEST_DB}`);
}, TIMEOUT);

describe('SCIM boundary (serveScim)', () => {
  it(
    '(1) POST/PUT Users and Groups with mutated Okta/Entra bodies',
    async () => {
      await fc.assert(
        fc.asyncProperty(resourceWrite, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            await scim(g);
          }),
        ),
        runs(1500),
      );
    },
    TIMEOUT,
  );

  it(
    '(2) PATCH with random operations, paths and values',
    async () => {
      await fc.assert(
        fc.asyncProperty(patchRequest, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            await scim(g);
          }),
        ),
        runs(2200),
      );
    },
    TIMEOUT,
  );

  it(
    '(2b) a multi-op PATCH whose last op is invalid is refused whole',
    async () => {
      await fc.assert(
        fc.asyncProperty(patchWithInvalidLast, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            const { res } = await scim(g);
            expect(res.status, `PATCH ${g.path.join('/')} ${g.body}`).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
          }),
        ),
        runs(500),
      );
    },
    TIMEOUT,
  );

  it(
    '(3) filters from a grammar, valid and corrupted',
    async () => {
      await fc.assert(
        fc.asyncProperty(filterRequest, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            const { res } = await scim(g);
            expect([200, 400], `${g.method} ${g.path.join('/')}?${g.query ?? ''} ${g.body ?? ''}`.slice(0, 3000)).toContain(res.status);
          }),
        ),
        runs(2000),
      );
    },
    TIMEOUT,
  );

  it(
    '(4) list parameters: startIndex, count, sortBy, sortOrder, attributes, excludedAttributes',
    async () => {
      await fc.assert(
        fc.asyncProperty(listRequest, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            await scim(g);
          }),
        ),
        runs(1500),
      );
    },
    TIMEOUT,
  );

  it(
    '(5) random methods, paths and bodies; bad credentials are 401',
    async () => {
      await fc.assert(
        fc.asyncProperty(randomRequest, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            const { res } = await scim(g, g.auth);
            if (['none', 'basic', 'garbage', 'other-directory'].includes(g.auth)) expect(res.status).toBe(401);
          }),
        ),
        runs(1200),
      );
    },
    TIMEOUT,
  );

  it(
    '(5c) the Next.js SCIM route: percent signs and odd segments in the path',
    async () => {
      const route = scimRoute as unknown as ApiRoute;
      const safe = (s: string) => {
        try {
          return encodeURIComponent(s);
        } catch {
          return 'x';
        }
      };
      await fc.assert(
        fc.asyncProperty(routeRequest, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            const path = g.path.map(resolve).filter((s) => s !== '');
            await sendApi(
              watch,
              token,
              route,
              {
                method: g.method,
                path: `/scim/v2/${scope.directoryId}/${path.map(safe).join('/')}`,
                params: { directoryId: scope.directoryId, path: path as unknown as string, first: path[0] ?? '' },
                query: g.query,
                body: g.body,
              },
              [],
              'scim',
            );
          }),
        ),
        runs(300),
      );
    },
    TIMEOUT,
  );

  it(
    '(7) at the bounds: many keys, values, operations and members, deep nesting, long strings, the stored size',
    async () => {
      const statuses: Record<string, number> = {};
      await fc.assert(
        fc.asyncProperty(boundsRequest, async (g) =>
          step(async () => {
            await seedsIfNeeded();
            const { res } = await scim(g);
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          }),
        ),
        runs(300),
      );
      console.log(`fuzz (7): statuses ${JSON.stringify(statuses)}`);
      // Both sides of the bounds were reached: accepted requests and refused ones.
      expect(Object.keys(statuses).some((st) => st < '300')).toBe(true);
      expect(statuses[400] ?? 0).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    '(5b) bodies over 1 MB are 413',
    async () => {
      await fc.assert(
        fc.asyncProperty(oversized, async (g) =>
          step(async () => {
            const { res } = await scim(g);
            expect(res.status).toBe(413);
          }),
        ),
        runs(24),
      );
    },
    TIMEOUT,
  );
});

describe('host API boundary (withApiKey)', () => {
  const ROUTES: Record<RouteName, { method: string; path: (p: Record<string, string>) => string; handler: ApiRoute }> = {
    postOrganization: { method: 'POST', path: () => '/organizations', handler: withApiKey(postOrganization) },
    postDirectory: { method: 'POST', path: (p) => `/organizations/${p.orgId}/directories`, handler: withApiKey(postDirectory) },
    postToken: { method: 'POST', path: (p) => `/directories/${p.dirId}/tokens`, handler: withApiKey(postToken) },
    postRole: { method: 'POST', path: () => '/roles', handler: withApiKey(postRole) },
    putRoleMappings: { method: 'PUT', path: (p) => `/directories/${p.dirId}/role-mappings`, handler: withApiKey(putRoleMappings) },
    postEndpoint: { method: 'POST', path: () => '/webhook-endpoints', handler: withApiKey(postEndpoint) },
    getEvents: { method: 'GET', path: () => '/events', handler: withApiKey(getEvents) },
    getUsers: { method: 'GET', path: (p) => `/directories/${p.dirId}/users`, handler: withApiKey(getUsers) },
    getGroups: { method: 'GET', path: (p) => `/directories/${p.dirId}/groups`, handler: withApiKey(getGroups) },
    getOrganizations: { method: 'GET', path: () => '/organizations', handler: withApiKey(getOrganizations) },
  };
  let key: string;
  let apiWatch: DbWatch;
  const mine = { org: [] as string[], dir: [] as string[], group: [] as string[], roleKey: [] as string[] };
  const theirs: Record<string, string> = {};
  const forbidden: string[] = [];

  beforeAll(async () => {
    const hostId = scope.hostId;
    // This host: an organization with a directory holding users in groups, and two roles.
    const org = await write((env) => createOrganization(env, { hostId, name: 'Host API Org' }));
    const { directory, token: t } = await write((env) => createDirectory(env, { organizationId: org.id, provider: 'okta' }));
    for (const k of ['admin', 'viewer']) await createRole(hostId, { key: k, name: k });
    const fixture = { org: org.id, dir: directory.id, token: t.token };
    mine.org.push(fixture.org);
    mine.dir.push(fixture.dir);
    mine.roleKey.push('admin', 'viewer');
    // Another host with the same kinds of data, all of which must stay invisible.
    const otherHost = await write((env) => createHost(env, { name: 'ZZ Other Host' }));
    const otherOrg = await write((env) => createOrganization(env, { hostId: otherHost.id, name: 'ZZ-Other-Org-Name' }));
    const otherDir = await write((env) => createDirectory(env, { organizationId: otherOrg.id, provider: 'entra' }));
    await createRole(otherHost.id, { key: 'zz-other-role', name: 'ZZ-Other-Role-Name' });
    const hook = await createEndpoint(otherHost.id, { url: 'http://127.0.0.1:9/zz-other-hook' });
    const foreign = { org: otherOrg.id, dir: otherDir.directory.id, token: otherDir.token.token, hook: hook.row.id };
    const seedWatch = (directoryId: string) => new DbWatch(directoryId);
    invalidateFingerprint();
    const post = async (dir: string, t: string, path: string, body: unknown) => {
      const { res, body: b } = await sendScim(seedWatch(dir), t, { method: 'POST', path: [path], body: JSON.stringify(body) });
      sent.scim--;
      expect(res.status).toBe(201);
      return b.id as string;
    };
    const users: string[] = [];
    for (const n of [1, 2, 3])
      users.push(await post(fixture.dir, fixture.token, 'Users', { schemas: [USER_URN], userName: `api-${n}@example.com`, active: true }));
    for (const n of [1, 2])
      mine.group.push(
        await post(fixture.dir, fixture.token, 'Groups', {
          schemas: [GROUP_URN],
          displayName: `API Group ${n}`,
          members: users.slice(0, n + 1).map((value) => ({ value })),
        }),
      );
    const otherUser = await post(foreign.dir, foreign.token, 'Users', { schemas: [USER_URN], userName: 'zz-other-user@other.example', active: true });
    const otherGroup = await post(foreign.dir, foreign.token, 'Groups', {
      schemas: [GROUP_URN],
      displayName: 'ZZ Other Group',
      members: [{ value: otherUser }],
    });
    Object.assign(theirs, { otherOrg: foreign.org, otherDir: foreign.dir, otherGroup, otherRoleKey: 'zz-other-role' });
    forbidden.push('ZZ-Other-Org-Name', 'zz-other-user@other.example', 'ZZ Other Group', 'ZZ-Other-Role-Name', otherUser, foreign.hook, 'zz-other-hook');
    key = (await write((env) => createApiKey(env, { name: 'fuzz', hostId }))).key;
    apiWatch = new DbWatch(fixture.dir);
    invalidateFingerprint();
  }, TIMEOUT);

  const resolveApi = (s: string) =>
    s.replace(
      /@(org|dir|group|roleKey):(\d+)|@(other(?:Org|Dir|Group|RoleKey))/g,
      (_m, kind: keyof typeof mine | undefined, n: string, foreignName: string | undefined) => {
        if (foreignName) return theirs[foreignName];
        const p = mine[kind as keyof typeof mine];
        return p[Number(n) % p.length];
      },
    );

  async function api(g: GenApiRequest) {
    const route = ROUTES[g.route];
    const params = Object.fromEntries(Object.entries(g.params).map(([k, v]) => [k, resolveApi(v)]));
    const q = new URLSearchParams(g.query ?? '');
    const out = await sendApi(
      apiWatch,
      key,
      route.handler,
      {
        method: route.method,
        path: route.path(params),
        params,
        query: new URLSearchParams([...q].map(([k, v]) => [k, resolveApi(v)])).toString(),
        body: g.body === undefined || g.body === null ? null : resolveApi(g.body),
      },
      forbidden,
    );
    const json = out.json as { id?: string; key?: string } | null;
    if (out.status === 201) {
      if (g.route === 'postOrganization' && json?.id) mine.org.push(json.id);
      if (g.route === 'postDirectory' && json?.id) mine.dir.push(json.id);
      if (g.route === 'postRole' && json?.key) mine.roleKey.push(json.key);
      if (g.route === 'postEndpoint' && json?.id) {
        // Keep the host's endpoint list short: every event fans out to every endpoint.
        await deleteEndpoint({ hostId: scope.hostId, id: json.id });
        invalidateFingerprint();
      }
    }
    return out;
  }

  it(
    '(6) organizations, directories, tokens, roles, role mappings, webhook endpoints, reads; other hosts stay unknown',
    async () => {
      await fc.assert(
        fc.asyncProperty(apiRequest, async (g) =>
          step(async () => {
            const out = await api(g);
            if (g.foreign) {
              expect(out.status, `${g.route} ${JSON.stringify(g.params)} ${g.query ?? ''} ${(g.body ?? '').slice(0, 500)}`).toBeGreaterThanOrEqual(400);
            }
          }),
        ),
        runs(1300),
      );
    },
    TIMEOUT,
  );
});

describe('totals', () => {
  it(
    'sent at least 10,000 generated requests, and nothing logged an internal error',
    async () => {
      await flushRequestLog();
      const total = sent.scim + sent.api;
      const scale = Number(process.env.FUZZ_SCALE ?? 1);
      console.log(
        `fuzz (${process.env.TEST_DB}): ${total} requests (SCIM ${sent.scim}, host API ${sent.api}) in ${((Date.now() - started) / 1000).toFixed(1)} s (fingerprints ${(timing.fingerprintMs / 1000).toFixed(1)} s), seed ${SEED}`,
      );
      if (COLLECT) console.log(`fuzz: ${failures.length} failures\n${[...new Set(failures)].join('\n----\n')}`);
      expect(total).toBeGreaterThanOrEqual(Math.min(1, scale) * 10_000);
      expect(failures, 'failures recorded with FUZZ_COLLECT=1').toEqual([]);
      expect(logged, 'console.error output during the fuzz run').toEqual([]);
    },
    TIMEOUT,
  );
});

afterAll(async () => {
  await flushRequestLog();
});
