// Filters from a small grammar of RFC 7644 §3.4.2.2 (valid ones, and ones corrupted by truncation or inserted
// characters), for GET /Users?filter=, GET /Groups?filter= and SearchRequest bodies.
import fc from 'fast-check';
import { ENTERPRISE_URN, GROUP_URN, mangleCase, SEARCH_URN, USER_URN, type GenRequest } from './scim-arbitraries';

const ATTRS = [
  'userName',
  'externalId',
  'id',
  'displayName',
  'name.givenName',
  'name.familyName',
  'active',
  'meta.created',
  'meta.lastModified',
  'emails',
  'emails.value',
  'emails.type',
  'emails.primary',
  'groups',
  'members',
  'members.value',
  `${USER_URN}:userName`,
  `${GROUP_URN}:displayName`,
  `${ENTERPRISE_URN}:employeeNumber`,
  `${ENTERPRISE_URN}:manager`,
  `${ENTERPRISE_URN}:manager.value`,
  'employeeNumber',
  'manager',
  'title',
  'nickName',
  'meta.version',
  'password',
  'x',
  'name',
  'emails.display',
  // Kept only in `raw` (issue 18): JSON expressions on both databases.
  'userType',
  'name.middleName',
  `${ENTERPRISE_URN}:department`,
  'costCenter',
  'phoneNumbers',
  'phoneNumbers.type',
  'phoneNumbers.primary',
  'addresses.locality',
  'entitlements',
  'x509Certificates',
  `${ENTERPRISE_URN}:manager.displayName`,
];
const MULTI = ['emails', 'members', 'groups', 'phoneNumbers', 'addresses', 'userName', 'ims', 'roles', 'name'];
const SUBS = ['value', 'type', 'primary', 'display', 'x'];

const attr = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ATTRS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ATTRS), fc.nat()).map(([a, m]) => mangleCase(a, m)) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z$][\w$-]{0,8}(\.[\w]{1,5})?$/) },
);
const compareOp = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le') },
  { weight: 1, arbitrary: fc.constantFrom('EQ', 'Eq', 'sW', 'like', '=', '==', 'in', 'pr') },
);
const quoted = (s: string) => JSON.stringify(s);
const value = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 15 }).map(quoted) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('"Seed.One@Example.com"', '"seed group a"', '"work"', '"%"', '"_"', '"\\\\"', '"\\u0000"', '"\\ud800"', '"O\'Malley"', '""'),
  },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null', 'True', 'FALSE') },
  { weight: 2, arbitrary: fc.oneof(fc.integer().map(String), fc.constantFrom('1.5', '-0', '1e400', '0x10')) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '"2020-01-01T00:00:00Z"',
      '"2011-05-13T04:42:34Z"',
      '"2020-13-45"',
      '"not a date"',
      '"9999-12-31T23:59:59.999Z"',
      '"2020-01-01"',
    ),
  },
  { weight: 2, arbitrary: fc.nat(40).map((n) => `"@user:${n}"`) },
  { weight: 1, arbitrary: fc.constantFrom('unquoted', "'single'", '"unterminated', '[1]') },
);

const filter: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: fc.tuple(attr, compareOp, value).map(([a, o, v]) => `${a} ${o} ${v}`) },
    { weight: 2, arbitrary: attr.map((a) => `${a} pr`) },
    { weight: 1, arbitrary: tie('f').map((f) => `(${f})`) },
    { weight: 1, arbitrary: tie('f').map((f) => `not (${f})`) },
    { weight: 2, arbitrary: fc.tuple(tie('f'), fc.constantFrom('and', 'or', 'AND', 'Or'), tie('f')).map(([a, o, b]) => `${a} ${o} ${b}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MULTI), tie('f')).map(([a, f]) => `${a}[${f}]`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...MULTI), tie('f'), fc.constantFrom(...SUBS), compareOp, value)
        .map(([a, f, s, o, v]) => `${a}[${f}].${s} ${o} ${v}`),
    },
  ),
})).f;

// Long and deep filters: parser recursion, SQL expression depth limits, huge IN lists.
const stress = fc.constantFrom(
  `${'('.repeat(3000)}userName pr${')'.repeat(3000)}`,
  `${'not ('.repeat(1500)}userName pr${')'.repeat(1500)}`,
  Array.from({ length: 1200 }, (_, i) => `userName eq "u${i}@example.com"`).join(' or '),
  Array.from({ length: 1200 }, (_, i) => `userName ne "u${i}@example.com"`).join(' and '),
  Array.from({ length: 300 }, (_, i) => `emails[value eq "e${i}@example.com"]`).join(' or '),
  Array.from({ length: 300 }, (_, i) => `members[value eq "usr_${i}"]`).join(' or '),
  `userName eq "${'x'.repeat(100_000)}"`,
  `emails[${'emails['.repeat(500)}value pr${']'.repeat(500)}]`,
  'userName eq "a" and',
  'or',
  '()',
  'userName',
  'RUNSCOPE300HFLUAKLAB151@ATKO.COM',
);

// `%` and `_` in co/ew operands (expanded on SQLite: lib/scim/filter/sqlite-exact-like.ts), at the top and inside value
// filters, alone or by the hundred (past SCIM_MAX_FILTER_LEAVES).
const wildcard = fc.constantFrom('"%"', '"_"', '"%%"', '"a_b"', '"100%"', '"\\\\%"', '"_%_"', '"%@%"', '"@"', '"seed_"', '"%.com"');
const wildcardLeaf = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'userName',
        'displayName',
        'emails',
        'emails.value',
        'externalId',
        'name.familyName',
        'members',
        'members.value',
        'groups',
        'employeeNumber',
        'id',
      ),
      fc.constantFrom('co', 'ew', 'sw', 'CO'),
      wildcard,
    )
    .map(([a, o, v]) => `${a} ${o} ${v}`),
  fc
    .tuple(
      fc.constantFrom('emails', 'members', 'groups'),
      fc.constantFrom('value', 'type'),
      fc.constantFrom('co', 'ew'),
      wildcard,
      fc.constantFrom('', ' and type eq "work"', ' or primary eq true', ' and not (value co "x")'),
    )
    .map(([a, s, o, v, more]) => `${a}[${s} ${o} ${v}${more}]`),
);
const wildcardFilter = fc
  .tuple(fc.array(wildcardLeaf, { minLength: 1, maxLength: 110 }), fc.constantFrom(' or ', ' and ', ' OR '), fc.boolean())
  .map(([leaves, join, negate]) => (negate ? `not (${leaves.join(join)})` : leaves.join(join)));

type Corruption = { kind: 'none' } | { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; ch: string } | { kind: 'delete'; at: number };
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      ch: fc.oneof(fc.constantFrom('"', '(', ')', '[', ']', ' ', '.', ':', '\\', '\u0000', 'x'), fc.string({ maxLength: 1, unit: 'binary' })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
);

function corrupt(f: string, c: Corruption): string {
  if (c.kind === 'none') return f;
  const at = c.at % (f.length + 1);
  if (c.kind === 'truncate') return f.slice(0, at);
  if (c.kind === 'insert') return f.slice(0, at) + c.ch + f.slice(at);
  return f.slice(0, at) + f.slice(at + 1);
}

const anyFilter = fc.oneof(
  { weight: 30, arbitrary: fc.tuple(filter, corruption).map(([f, c]) => corrupt(f, c)) },
  { weight: 6, arbitrary: wildcardFilter },
  { weight: 1, arbitrary: stress },
);

/** (3) filtered list and search requests. */
export const filterRequest: fc.Arbitrary<GenRequest> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('Users', 'Groups'),
        anyFilter,
        fc.option(fc.constantFrom('count=1', 'startIndex=2&count=5', 'excludedAttributes=members', 'sortBy=userName'), { nil: undefined }),
      )
      .map(([res, f, extra]) => ({
        method: 'GET',
        path: [res],
        query: `filter=${encodeURIComponent(f)}${extra ? `&${extra}` : ''}`,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(['Users', '.search'], ['Groups', '.search'], ['.search']), anyFilter).map(([path, f]) => ({
      method: 'POST',
      path,
      body: JSON.stringify({ schemas: [SEARCH_URN], filter: f, count: 10 }),
    })),
  },
);
