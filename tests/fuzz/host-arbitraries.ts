// Generators for host-API requests. Ids are placeholders resolved when sent: `@org:n`, `@dir:n`, `@group:n`,
// `@roleKey:n` name this host's resources; `@otherOrg`, `@otherDir`, `@otherGroup`, `@otherRoleKey` name another
// host's, which must read as unknown (404 / 400), never as data.
import fc from 'fast-check';
import { EVENT_TYPES } from '../../lib/events/event-types';
import { PROVIDERS } from '../../lib/directory/providers';
import { encode, junk, mangleCase, nastyString, type Json } from './scim-arbitraries';

export type RouteName =
  | 'postOrganization'
  | 'postDirectory'
  | 'postToken'
  | 'postRole'
  | 'putRoleMappings'
  | 'postEndpoint'
  | 'getEvents'
  | 'getUsers'
  | 'getGroups'
  | 'getOrganizations';

export interface GenApiRequest {
  route: RouteName;
  params: Record<string, string>;
  query?: string;
  body?: string | null;
  /** The request names another host's resource where a resource id is expected: it must not succeed. */
  foreign: boolean;
}

const FOREIGN = /@other/;

const orgId = fc.oneof(
  { weight: 6, arbitrary: fc.nat(20).map((n) => `@org:${n}`) },
  { weight: 2, arbitrary: fc.constant('@otherOrg') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('org_doesnotexist0000000', '', ' ', '%00', 'x'.repeat(3000)), fc.string({ maxLength: 20 })) },
);
const dirId = fc.oneof(
  // @dir:0 holds the groups the mappings name.
  { weight: 4, arbitrary: fc.constant('@dir:0') },
  { weight: 2, arbitrary: fc.nat(20).map((n) => `@dir:${n}`) },
  { weight: 2, arbitrary: fc.constant('@otherDir') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('dir_doesnotexist0000000', '', '\u0000'), fc.string({ maxLength: 20 })) },
);
const groupId = fc.oneof(
  { weight: 6, arbitrary: fc.nat(20).map((n) => `@group:${n}`) },
  { weight: 2, arbitrary: fc.constant('@otherGroup') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('grp_doesnotexist0000000', ''), fc.string({ maxLength: 20 })) },
);
const roleKey = fc.oneof(
  { weight: 6, arbitrary: fc.nat(20).map((n) => `@roleKey:${n}`) },
  { weight: 2, arbitrary: fc.constant('@otherRoleKey') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('nope', ''), fc.string({ maxLength: 20 })) },
);

/** A field's value: mostly well-typed, sometimes any JSON. */
const field = <T extends Json>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: good as fc.Arbitrary<Json> }, { weight: 1, arbitrary: junk });
const text = (max: number) => fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: max }) }, { weight: 1, arbitrary: nastyString });

type BodyEncoding = { kind: 'json' } | { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; ch: string } | { kind: 'raw'; text: string };
const apiEncoding: fc.Arbitrary<BodyEncoding> = fc.oneof(
  { weight: 20, arbitrary: fc.constant({ kind: 'json' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), ch: fc.constantFrom('"', '{', '}', ',', 'x') }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      text: fc.constantFrom('', ' ', 'null', '[]', '"x"', '7', '{', `{"name":"${'n'.repeat(300_000)}"}`),
    }),
  },
);

/** Strict host-API objects: add an unknown key, drop or case-mangle a known one. */
const bodyOf = (obj: fc.Arbitrary<Record<string, Json>>) =>
  fc
    .tuple(
      obj,
      fc.option(fc.tuple(fc.string({ maxLength: 10 }), junk), { freq: 8 }),
      fc.option(fc.nat(), { freq: 8 }),
      fc.option(fc.nat(), { freq: 10 }),
      apiEncoding,
    )
    .map(([o, extra, caseMask, drop, enc]) => {
      const copy: Record<string, Json> = { ...o };
      const keys = Object.keys(copy);
      if (caseMask !== null && keys.length) {
        const k = keys[caseMask % keys.length];
        const v = copy[k];
        delete copy[k];
        copy[mangleCase(k, caseMask)] = v;
      }
      if (drop !== null && keys.length) delete copy[keys[drop % keys.length]];
      if (extra) copy[extra[0]] = extra[1];
      return encode(copy, enc);
    });

const orgBody = bodyOf(
  fc.record({ name: field(text(200)), externalId: field(fc.option(text(200))) }, { requiredKeys: ['name'] }) as fc.Arbitrary<Record<string, Json>>,
);
const directoryBody = bodyOf(fc.record({ provider: field(fc.constantFrom<Json>(...PROVIDERS, 'OKTA', 'azure', '', 'generic ')) }));
const tokenBody = bodyOf(
  fc.record(
    { expiresInDays: field(fc.oneof(fc.integer({ min: -5, max: 4000 }), fc.constantFrom<Json>(null, 1.5, '30', 0, 3650, 3651, 1e308))) },
    { requiredKeys: [] },
  ),
);
const roleBody = bodyOf(
  fc.record(
    {
      key: field(fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/), fc.constantFrom('-bad', 'a b', 'x'.repeat(101), ' admin ', 'ádmin'))),
      name: field(text(200)),
      description: field(fc.option(text(1000))),
    },
    { requiredKeys: ['key', 'name'] },
  ) as fc.Arbitrary<Record<string, Json>>,
);
const mappingsBody = bodyOf(
  fc.record(
    {
      mappings: field(fc.array(fc.record({ groupId, roleKey }), { maxLength: 5 }) as fc.Arbitrary<Json>),
      defaultRoleKey: field(fc.option(roleKey)),
    },
    { requiredKeys: ['mappings'] },
  ) as fc.Arbitrary<Record<string, Json>>,
);
/** Well-formed mapping changes on the directory that holds the groups, with a default role that may not exist. */
const wellFormedMappings = fc
  .record(
    {
      mappings: fc.array(fc.record({ groupId: fc.nat(20).map((n) => `@group:${n}`), roleKey: fc.nat(20).map((n) => `@roleKey:${n}`) }), { maxLength: 3 }),
      defaultRoleKey: fc.option(roleKey),
    },
    { requiredKeys: ['mappings'] },
  )
  .map((b) => JSON.stringify(b));
const url = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'http://127.0.0.1:1/hook',
      'http://[::1]/',
      'http://localhost/x',
      'http://169.254.169.254/latest/meta-data',
      'http://0x7f000001/',
      'http://10.0.0.1/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://user:pass@example.com/',
      'gopher://example.com/',
      `https://example.com/${'a'.repeat(2100)}`,
      '  https://example.com/padded  ',
      'http://exa mple.com',
      'http://ÿ.example/',
      'HTTP://EXAMPLE.COM',
      'https://',
      'example.com/no-scheme',
      'http://[fe80::1%25eth0]/',
      'http://2130706433/',
      '',
      'http://example.com:99999/',
    ),
  },
);
const endpointBody = bodyOf(
  fc.record(
    {
      url: field(url),
      events: field(fc.option(fc.array(fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.constantFrom('directory.*', 'user.created', '')), { maxLength: 4 }))),
    },
    { requiredKeys: ['url'] },
  ) as fc.Arbitrary<Record<string, Json>>,
);

const cursor = fc.oneof(
  fc.constantFrom('', 'garbage', '!!!!', 'e30', 'bnVsbA', 'W10'),
  fc
    .record({
      c: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string({ maxLength: 12 }),
        fc.constantFrom('not a date', '', '99999-01-01T00:00:00Z'),
      ),
      i: fc.string({ maxLength: 25 }),
    })
    .map((k) => Buffer.from(JSON.stringify(k)).toString('base64url')),
  fc.oneof(fc.integer(), fc.constantFrom('1e400', 'NaN', '-1', 'abc')).map((n) => Buffer.from(String(n)).toString('base64url')),
);
const limit = fc.oneof(fc.integer({ min: -3, max: 600 }).map(String), fc.constantFrom('', 'abc', '1.5', '1e3', 'Infinity', '50 '));
const query = (parts: Record<string, fc.Arbitrary<string>>) =>
  fc.record(parts, { requiredKeys: [] }).map((q) => new URLSearchParams(Object.entries(q) as [string, string][]).toString());

const req = (route: RouteName, params: fc.Arbitrary<Record<string, string>>, body: fc.Arbitrary<string | null>, q: fc.Arbitrary<string> = fc.constant('')) =>
  fc.tuple(params, body, q).map(([p, b, qs]): GenApiRequest => ({
    route,
    params: p,
    body: b,
    query: qs,
    foreign:
      Object.values(p).some((v) => FOREIGN.test(v)) ||
      (route === 'putRoleMappings' && FOREIGN.test(b ?? '')) ||
      [...new URLSearchParams(qs).values()].some((v) => FOREIGN.test(v)),
  }));

/** (6) host-API requests. */
export const apiRequest: fc.Arbitrary<GenApiRequest> = fc.oneof(
  { weight: 3, arbitrary: req('postOrganization', fc.constant({}), orgBody) },
  { weight: 3, arbitrary: req('postDirectory', fc.record({ orgId }), directoryBody) },
  { weight: 3, arbitrary: req('postToken', fc.record({ dirId }), tokenBody) },
  { weight: 3, arbitrary: req('postRole', fc.constant({}), roleBody) },
  { weight: 5, arbitrary: req('putRoleMappings', fc.record({ dirId }), mappingsBody) },
  { weight: 3, arbitrary: req('putRoleMappings', fc.constant({ dirId: '@dir:0' }), wellFormedMappings) },
  { weight: 3, arbitrary: req('postEndpoint', fc.constant({}), endpointBody) },
  { weight: 1, arbitrary: req('getEvents', fc.constant({}), fc.constant(null), query({ after: cursor, limit })) },
  { weight: 2, arbitrary: req('getUsers', fc.record({ dirId }), fc.constant(null), query({ groupId, cursor, limit })) },
  { weight: 1, arbitrary: req('getGroups', fc.record({ dirId }), fc.constant(null), query({ cursor, limit })) },
  { weight: 1, arbitrary: req('getOrganizations', fc.constant({}), fc.constant(null), query({ cursor, limit })) },
);
