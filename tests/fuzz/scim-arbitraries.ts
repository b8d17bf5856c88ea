// Generators for SCIM requests: IdP-shaped resources with mutations, PATCH bodies, filters, list parameters and
// random paths. Ids of live resources are written as placeholders (`@user:3`, `@group:1`) and resolved against
// the directory's current resources when the request is sent (resolveRefs), so generated values stay plain data.
import fc from 'fast-check';

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const ADSCIM_URN = 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const userRef = fc.nat(40).map((n) => `@user:${n}`);
const groupRef = fc.nat(40).map((n) => `@group:${n}`);
/** A resource id: mostly a live one, sometimes unknown, of the other kind, or junk. */
const anyId = (ref: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 8, arbitrary: ref },
    { weight: 1, arbitrary: fc.constantFrom('usr_doesnotexist00000000', '010101001010101011001010101011', 'grp_NOPE', '') },
    { weight: 1, arbitrary: fc.oneof(userRef, groupRef) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  );

const USER_ATTRS = [
  'schemas',
  'userName',
  'name',
  'name.givenName',
  'name.familyName',
  'name.formatted',
  'name.middleName',
  'displayName',
  'nickName',
  'title',
  'active',
  'emails',
  'emails.0.value',
  'emails.0.type',
  'emails.0.primary',
  'phoneNumbers',
  'addresses',
  'externalId',
  'locale',
  'preferredLanguage',
  'password',
  'groups',
  'roles',
  'roles.0.primary',
  'meta',
  'id',
  `${ENTERPRISE_URN}`,
  `${ENTERPRISE_URN}.employeeNumber`,
  `${ENTERPRISE_URN}.department`,
  `${ENTERPRISE_URN}.manager`,
  `${ENTERPRISE_URN}.manager.value`,
  'x509Certificates',
  'timezone',
  'userType',
];
const GROUP_ATTRS = ['schemas', 'displayName', 'externalId', 'members', 'members.0.value', 'members.0.display', 'meta', 'id'];
const attrName = fc.constantFrom(...USER_ATTRS, ...GROUP_ATTRS, 'Department', 'Manager', 'Value', 'Primary', 'unknownAttr');

/** Strings that tend to break things: empties, booleans as strings, NUL, lone surrogates, LIKE wildcards, huge. */
export const nastyString = fc.constantFrom(
  '',
  ' ',
  'True',
  'False',
  'true',
  'null',
  '0',
  '-1',
  '1e400',
  'x'.repeat(5000),
  'é'.repeat(3000),
  'ü'.repeat(60_000),
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFEFF',
  '𝓊𝓃𝒾𝒸ℴ𝒹ℯ 👩‍👩‍👧‍👦',
  'מִשְׁפָּט\u202Eevil',
  '"',
  '\\',
  "'",
  '%',
  '_',
  '%_\\*',
  '\n\t\r',
  '<script>alert(1)</script>',
  'Robert"); DROP TABLE "DirectoryUser";--',
  USER_URN,
  'members[value eq "x"]',
  '__proto__',
  'constructor',
  '2020-02-30T25:61:61Z',
  'W/"1"',
);

const scalar: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 3, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, 2 ** 53 + 1)) },
  { weight: 1, arbitrary: fc.oneof(userRef, groupRef) },
);

/** Any JSON value, nested a little. */
export const junk: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('v'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), attrName), tie('v'), { maxKeys: 4 }) },
  ),
})).v;

/** Flips the case of the letters selected by `mask`. */
export function mangleCase(s: string, mask: number): string {
  return [...s].map((c, i) => ((mask >> (i % 31)) & 1 ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c)).join('');
}

type Mutation =
  | { kind: 'set'; path: string; value: Json }
  | { kind: 'delete'; path: string }
  | { kind: 'case'; path: string; mask: number }
  | { kind: 'unknown'; key: string; value: Json };

const mutation = (attrs: string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...attrs), value: junk }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...attrs) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('case' as const), path: fc.constantFrom(...attrs), mask: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknown' as const), key: fc.oneof(fc.string({ maxLength: 20 }), nastyString), value: junk }) },
  );

/** Applies a mutation to a JSON object in place; a dotted path walks objects and array indexes. */
function mutate(root: Record<string, Json>, m: Mutation): void {
  if (m.kind === 'unknown') {
    root[m.key] = m.value;
    return;
  }
  // URN-qualified names contain dots ("2.0"): split only after the URN.
  const urnEnd = m.path.startsWith('urn:') ? m.path.indexOf('.', m.path.lastIndexOf(':')) : -1;
  const parts = m.path.startsWith('urn:')
    ? [urnEnd < 0 ? m.path : m.path.slice(0, urnEnd), ...(urnEnd < 0 ? [] : m.path.slice(urnEnd + 1).split('.'))]
    : m.path.split('.');
  let node: Json = root;
  for (const p of parts.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    const next: Json | undefined = (node as Record<string, Json>)[p];
    if (next === undefined) return;
    node = next;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, Json>;
  const last = parts[parts.length - 1];
  if (m.kind === 'set') obj[last] = m.value;
  else if (m.kind === 'delete') delete obj[last];
  else if (last in obj && !Array.isArray(obj)) {
    const v = obj[last];
    delete obj[last];
    obj[mangleCase(last, m.mask)] = v;
  }
}

/** How a body object becomes text: mostly JSON, sometimes broken JSON or not an object at all. */
type Encoding = { kind: 'json' } | { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; ch: string } | { kind: 'raw'; text: string };

const DEEP = `{"userName":"deep@example.com","name":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
const rawBodies = fc.constantFrom(
  '',
  ' ',
  'null',
  '[]',
  '[{}]',
  '"x"',
  '42',
  'true',
  '{',
  '{}',
  '{"schemas":[]}',
  `\uFEFF{"schemas":["${USER_URN}"],"userName":"bom@example.com"}`,
  '{"userName":"trailing@example.com",}',
  '{"userName":NaN}',
  '{"userName":"inf@example.com","active":1e999}',
  '{"userName":"dup@example.com","userName":"dup2@example.com"}',
  '{"__proto__":{"userName":"proto@example.com"},"userName":"p2@example.com"}',
  '{"userName":"ctor@example.com","constructor":{"prototype":{"x":1}}}',
  `{"displayName":"deep group","members":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  DEEP,
  `{"userName":"${'a'.repeat(300_000)}"}`,
);

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 20, arbitrary: fc.constant({ kind: 'json' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), ch: fc.constantFrom('"', '{', '}', ',', ':', '\\', '\u0000', 'x', ']') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: rawBodies }) },
);

export function encode(obj: unknown, e: Encoding): string {
  if (e.kind === 'raw') return e.text;
  const text = JSON.stringify(obj);
  if (e.kind === 'json') return text;
  const at = e.at % (text.length + 1);
  return e.kind === 'truncate' ? text.slice(0, at) : text.slice(0, at) + e.ch + text.slice(at);
}

const userName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,12}$/), fc.constantFrom('atko.com', 'example.com', 'EXAMPLE.org'))
      .map(([a, d]) => `${a}@${d}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('Seed.One@Example.com', 'seed.one@example.com', 'SEED.TWO@EXAMPLE.COM', 'Test_User_1') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
);
const givenName = fc.oneof(fc.constantFrom('Runscope300', 'Test', 'Zoë', ''), fc.string({ maxLength: 12 }));

const oktaUser = fc.record({ userName, givenName, familyName: givenName, externalId: fc.string({ maxLength: 20 }) }).map((u): Record<string, Json> => ({
  schemas: [USER_URN],
  userName: u.userName,
  name: { givenName: u.givenName, familyName: u.familyName },
  emails: [{ primary: true, value: u.userName, type: 'work' }],
  displayName: `${u.givenName} ${u.familyName}`,
  locale: 'en-US',
  externalId: u.externalId,
  groups: [],
  password: '1mz050nq',
  active: true,
}));

const entraUser = fc
  .record({
    userName,
    givenName,
    familyName: givenName,
    externalId: fc.uuid(),
    manager: fc.option(userRef),
    employeeNumber: fc.option(fc.string({ maxLength: 8 })),
  })
  .map((u): Record<string, Json> => ({
    schemas: [USER_URN, ENTERPRISE_URN],
    externalId: u.externalId,
    userName: u.userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: `${u.givenName}@testuser.com` }],
    meta: { resourceType: 'User' },
    name: { formatted: `${u.givenName} ${u.familyName}`, familyName: u.familyName, givenName: u.givenName },
    roles: [],
    title: null,
    phoneNumbers: [{ type: 'mobile', value: '+1 555 0100' }],
    [ENTERPRISE_URN]: { employeeNumber: u.employeeNumber, department: 'Eng', manager: u.manager === null ? null : { value: u.manager } },
  }));

const group = fc
  .record({
    displayName: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('Seed Group A', 'seed group a', 'Test SCIMv2')),
    externalId: fc.option(fc.uuid()),
    members: fc.array(fc.record({ value: anyId(userRef), display: fc.option(fc.string({ maxLength: 10 })) }), { maxLength: 4 }),
    entra: fc.boolean(),
  })
  .map((g): Record<string, Json> => ({
    schemas: g.entra ? [GROUP_URN, ADSCIM_URN] : [GROUP_URN],
    displayName: g.displayName,
    ...(g.externalId === null ? {} : { externalId: g.externalId }),
    members: g.members.map((m): Json => (m.display === null ? { value: m.value } : { value: m.value, display: m.display })),
    ...(g.entra ? { meta: { resourceType: 'Group' } } : {}),
  }));

const mutated = (base: fc.Arbitrary<Record<string, Json>>, attrs: string[]) =>
  fc.tuple(base, fc.array(mutation(attrs), { maxLength: 3 }), encoding).map(([obj, ms, enc]) => {
    const copy = JSON.parse(JSON.stringify(obj)) as Record<string, Json>;
    for (const m of ms) mutate(copy, m);
    return encode(copy, enc);
  });

export interface GenRequest {
  method: string;
  path: readonly string[];
  query?: string;
  body?: string | null;
  headers?: Record<string, string>;
}

const ifMatch = fc.option(fc.constantFrom('W/"1"', 'W/"2"', '"1"', '*', 'garbage', 'W/"999999"', ''), { freq: 6 });
const withIfMatch = (h: string | null) => (h === null ? {} : { headers: { 'if-match': h } });

/** (1) POST/PUT of Users and Groups: mostly valid Okta/Entra bodies, mutated. */
export const resourceWrite: fc.Arbitrary<GenRequest> = fc.oneof(
  { weight: 3, arbitrary: mutated(fc.oneof(oktaUser, entraUser), USER_ATTRS).map((body) => ({ method: 'POST', path: ['Users'], body })) },
  { weight: 2, arbitrary: mutated(group, GROUP_ATTRS).map((body) => ({ method: 'POST', path: ['Groups'], body })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(mutated(fc.oneof(oktaUser, entraUser), USER_ATTRS), anyId(userRef), ifMatch)
      .map(([body, id, h]) => ({ method: 'PUT', path: ['Users', id], body, ...withIfMatch(h) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(mutated(group, GROUP_ATTRS), anyId(groupRef), ifMatch)
      .map(([body, id, h]) => ({ method: 'PUT', path: ['Groups', id], body, ...withIfMatch(h) })),
  },
);

// ---- PATCH ----

const opName = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('add', 'Add', 'replace', 'Replace', 'remove', 'Remove') },
  { weight: 2, arbitrary: fc.constantFrom('ADD', 'rEpLaCe', 'REMOVE', 'move', 'copy', 'test', '', 'delete', ' add') },
  { weight: 1, arbitrary: fc.constantFrom<Json>(1, null, true, ['add'], { op: 'add' }) },
);

const USER_PATHS = [
  'userName',
  'active',
  'displayName',
  'nickName',
  'title',
  'externalId',
  'name',
  'name.givenName',
  'name.familyName',
  'name.formatted',
  'emails',
  'emails.value',
  'emails[type eq "work"].value',
  'emails[type eq "work"]',
  'emails[type eq "work"].primary',
  'emails[primary eq true].value',
  'emails[value co "@"]',
  'phoneNumbers[type eq "mobile"].value',
  'addresses[type eq "work"].streetAddress',
  'roles',
  'roles[primary eq "True"].value',
  `${ENTERPRISE_URN}:manager`,
  `${ENTERPRISE_URN}:manager.value`,
  `${ENTERPRISE_URN}:employeeNumber`,
  `${ENTERPRISE_URN}:department`,
  `${USER_URN}:userName`,
  `${USER_URN}:name.givenName`,
  'password',
  'locale',
  'urn:ietf:params:scim:schemas:extension:custom:2.0:User:x',
];
const GROUP_PATHS = [
  'displayName',
  'externalId',
  'members',
  'members[value eq "@user:1"]',
  'members[value eq "@user:2"].display',
  `${GROUP_URN}:displayName`,
  'members.value',
];
const BAD_PATHS = [
  'id',
  'meta',
  'meta.created',
  'schemas',
  'groups',
  'emails[',
  'emails[type eq "work"',
  'emails[type eq]',
  'emails]',
  'name..givenName',
  '.name',
  'name.',
  '[value eq "x"]',
  'members[value eq "x"].value.extra',
  'members[value xx "x"]',
  'members[(]',
  'urn:',
  'urn:x:y',
  `${ENTERPRISE_URN}:`,
  'a b',
  'emails[type eq "work"][value eq "x"]',
  'emails[not(type eq "work")]',
  'x'.repeat(3000),
  '(((',
  '"',
];
const patchPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...USER_PATHS, ...GROUP_PATHS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...USER_PATHS, ...GROUP_PATHS), fc.nat()).map(([p, m]) => mangleCase(p, m)) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_PATHS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom<Json>('', null, 5, ['members'], { path: 'x' }) },
);

const patchValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: junk },
  { weight: 2, arbitrary: fc.constantFrom<Json>(true, false, 'True', 'False', 'true', 'FALSE', '', null, [], {}) },
  {
    weight: 2,
    arbitrary: fc.array(fc.record({ value: anyId(userRef), display: fc.option(fc.string({ maxLength: 8 })) }), { maxLength: 3 }) as fc.Arbitrary<Json>,
  },
  { weight: 1, arbitrary: fc.oneof(userRef, fc.record({ value: userRef })) as fc.Arbitrary<Json> },
  {
    weight: 2,
    // No-path values whose keys are attribute paths (Okta, Entra with aadOptscim062020).
    arbitrary: fc.dictionary(
      fc.oneof(fc.constantFrom(...USER_PATHS, ...GROUP_PATHS, 'id', 'meta', 'active'), fc.string({ maxLength: 8 })),
      fc.oneof(scalar, fc.constantFrom<Json>('False', 'True')),
      { maxKeys: 4 },
    ),
  },
);

const op = fc.record({ op: opName, path: patchPath, value: patchValue }, { requiredKeys: ['op'] }) as fc.Arbitrary<Record<string, Json>>;

const patchEnvelope = fc.tuple(
  fc.array(op, { minLength: 0, maxLength: 4 }),
  fc.oneof(
    { weight: 12, arbitrary: fc.constant<Json>([PATCH_URN]) },
    { weight: 1, arbitrary: fc.constantFrom<Json>([], null, PATCH_URN, [USER_URN], [PATCH_URN.toUpperCase()], undefined as unknown as Json) },
  ),
  fc.oneof({ weight: 12, arbitrary: fc.constant('Operations') }, { weight: 1, arbitrary: fc.constantFrom('operations', 'OPERATIONS', 'Operation', 'ops') }),
  fc.option(fc.constantFrom<Json>({}, 'add', null, 5), { freq: 15 }),
);

/** (2) PATCH /Users/{id} and /Groups/{id} with random operations. */
export const patchRequest: fc.Arbitrary<GenRequest> = fc
  .tuple(fc.boolean(), patchEnvelope, encoding, fc.oneof(fc.constant(null), ifMatch))
  .chain(([users, [ops, schemas, opsKey, replaceOps], enc, h]) =>
    anyId(users ? userRef : groupRef).map((id) => {
      const body: Record<string, Json> = { [opsKey]: replaceOps ?? ops };
      if (schemas !== undefined) body.schemas = schemas;
      return { method: 'PATCH', path: [users ? 'Users' : 'Groups', id], body: encode(body, enc), ...withIfMatch(h) };
    }),
  );

/** Well-formed operations that change something when applied. */
const changingUserOp = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).map((s): Record<string, Json> => ({ op: 'replace', path: 'displayName', value: `changed ${s}` })),
  fc.boolean().map((b): Record<string, Json> => ({ op: 'Replace', path: 'active', value: b ? 'False' : false })),
  fc
    .string({ minLength: 1, maxLength: 8 })
    .map((s): Record<string, Json> => ({ op: 'add', path: 'emails', value: [{ value: `${s}@added.example`, type: 'home' }] })),
  fc.string({ minLength: 1, maxLength: 8 }).map((s): Record<string, Json> => ({ op: 'replace', value: { 'name.givenName': s, nickName: s } })),
  fc.constant<Record<string, Json>>({ op: 'remove', path: 'title' }),
);
const changingGroupOp = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).map((s): Record<string, Json> => ({ op: 'replace', path: 'displayName', value: `renamed ${s}` })),
  userRef.map((u): Record<string, Json> => ({ op: 'add', path: 'members', value: [{ value: u }] })),
  userRef.map((u): Record<string, Json> => ({ op: 'remove', path: `members[value eq "${u}"]` })),
  fc.constant<Record<string, Json>>({ op: 'replace', path: 'members', value: [] }),
);
/** Operations every server must refuse. */
const INVALID_LAST_OPS: Record<string, Json>[] = [
  { op: 'bogus', path: 'displayName', value: 'x' },
  { op: 'remove' },
  { op: 'replace', path: 'emails[type eq "work"', value: 'x@y.example' },
  { op: 'add', path: '(((', value: 'x' },
  { op: 'replace', path: 'members[value xx "x"]', value: [] },
  { op: 'move', path: 'displayName', value: 'x' },
  { op: 'remove', path: 'name..givenName' },
];

/** (2b) Multi-op PATCHes whose last operation is invalid: the whole request must be refused and nothing applied. */
export const patchWithInvalidLast: fc.Arbitrary<GenRequest> = fc.boolean().chain((users) =>
  fc
    .tuple(userRef, groupRef, fc.array(users ? changingUserOp : changingGroupOp, { minLength: 1, maxLength: 3 }), fc.constantFrom(...INVALID_LAST_OPS))
    .map(([u, g, ops, last]) => ({
      method: 'PATCH',
      path: [users ? 'Users' : 'Groups', users ? u : g],
      body: JSON.stringify({ schemas: [PATCH_URN], Operations: [...ops, last] }),
    })),
);

// ---- list parameters ----

const intText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 20 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 21, max: 1200 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' 5 ',
      '0',
      '-0',
      '1.5',
      '1e3',
      '1e400',
      '0x10',
      'abc',
      'NaN',
      'Infinity',
      '99999999999999999999',
      '2147483648',
      '-2147483649',
      '9007199254740993',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const SORT_ATTRS = [
  'userName',
  'displayName',
  'name.familyName',
  'name.givenName',
  'meta.created',
  'meta.lastModified',
  'externalId',
  'id',
  'emails',
  'emails.value',
  'active',
  `${USER_URN}:userName`,
  `${ENTERPRISE_URN}:employeeNumber`,
  'members',
  'nope',
  '',
];
const attrList = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...SORT_ATTRS, 'name', 'emails.type', 'members.value', 'groups', 'meta', 'schemas', `${ENTERPRISE_URN}`, `${ENTERPRISE_URN}:manager`),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 4 },
    )
    .map((a) => a.join(',')),
  fc.constantFrom(',,,', ' ', 'userName,,', '*'),
);
const paramName = (name: string) => fc.oneof({ weight: 5, arbitrary: fc.constant(name) }, { weight: 1, arbitrary: fc.nat().map((m) => mangleCase(name, m)) });
const listParams = fc
  .record(
    {
      startIndex: fc.tuple(paramName('startIndex'), intText),
      count: fc.tuple(paramName('count'), intText),
      sortBy: fc.tuple(paramName('sortBy'), fc.oneof(fc.constantFrom(...SORT_ATTRS), fc.string({ maxLength: 10 }))),
      sortOrder: fc.tuple(paramName('sortOrder'), fc.constantFrom('ascending', 'descending', 'ASCENDING', 'asc', 'desc', '', 'up', '1')),
      attributes: fc.tuple(paramName('attributes'), attrList),
      excludedAttributes: fc.tuple(paramName('excludedAttributes'), attrList),
    },
    { requiredKeys: [] },
  )
  .map((r) => Object.values(r) as [string, string][]);

/** (4) list, get and search requests with random list parameters. */
export const listRequest: fc.Arbitrary<GenRequest> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom('Users', 'Groups', 'users'), listParams, fc.boolean()).map(([res, params, dup]) => {
      const q = new URLSearchParams(params);
      if (dup && params.length) q.append(params[0][0], '7');
      return { method: 'GET', path: [res], query: q.toString() };
    }),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.boolean(), listParams).chain(([users, params]) =>
      anyId(users ? userRef : groupRef).map((id) => ({
        method: 'GET',
        path: [users ? 'Users' : 'Groups', id],
        query: new URLSearchParams(params).toString(),
      })),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(['Users', '.search'], ['Groups', '.search'], ['.search']),
        fc.dictionary(fc.constantFrom('startIndex', 'count', 'sortBy', 'sortOrder', 'attributes', 'excludedAttributes', 'COUNT', 'startindex'), junk, {
          maxKeys: 4,
        }),
        fc.oneof({ weight: 8, arbitrary: fc.constant<Json>([SEARCH_URN]) }, { weight: 1, arbitrary: junk }),
      )
      .map(([path, params, schemas]) => ({ method: 'POST', path, body: JSON.stringify({ schemas, ...params }) })),
  },
);

// ---- random paths, methods, auth ----

const segment = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'Users',
      'Groups',
      'users',
      'GROUPS',
      'ServiceProviderConfig',
      'serviceproviderconfig',
      'ServiceProviderConfigs',
      'Schemas',
      'ResourceTypes',
      '.search',
      'Me',
      'Bulk',
      'User',
      'Group',
      'Roles',
      USER_URN,
      GROUP_URN,
      ENTERPRISE_URN,
    ),
  },
  { weight: 2, arbitrary: fc.oneof(userRef, groupRef) },
  { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2F', ' ', '%', '\u0000', '\uD800', 'x'.repeat(5000)) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 15 }) },
);
const method = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE') },
  { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'TRACE', 'get', 'Post', 'patch', '', 'CONNECT') },
);
const anyBody = fc.oneof(
  fc.constant(null),
  junk.map((j) => JSON.stringify(j)),
  fc.tuple(junk, encoding).map(([j, e]) => encode(j, e)),
  fc.constant(JSON.stringify({ schemas: [SEARCH_URN], filter: 'userName pr' })),
  fc.constant(JSON.stringify({ schemas: [USER_URN], userName: 'discovery@example.com' })),
);

export type Auth = 'valid' | 'none' | 'basic' | 'garbage' | 'other-directory' | 'lowercase-scheme' | 'padded';
const auth = fc.oneof(
  { weight: 10, arbitrary: fc.constant<Auth>('valid') },
  { weight: 1, arbitrary: fc.constantFrom<Auth>('none', 'basic', 'garbage', 'other-directory', 'lowercase-scheme', 'padded') },
);

/** (5) random methods, paths (unknown resources, discovery endpoints, .search) and bodies, with auth variants. */
export const randomRequest: fc.Arbitrary<GenRequest & { auth: Auth }> = fc
  .record({
    method,
    path: fc.array(segment, { maxLength: 3 }),
    body: anyBody,
    auth,
    query: fc.option(fc.constantFrom('filter=userName%20pr', 'attributes=id', 'count=1', 'x=%00'), { nil: undefined }),
  })
  .map((r) => ({ ...r, path: r.path.filter((s) => s !== '') }));

/** Bodies just over the 1 MB limit (and the "too large to read" marker): always 413. */
export const oversized: fc.Arbitrary<GenRequest & { bodyBytes?: number | null }> = fc
  .tuple(
    fc.constantFrom(['Users'], ['Groups'], ['Users', '@user:0'], ['Groups', '@group:0'], ['.search']),
    fc.constantFrom('POST', 'PUT', 'PATCH'),
    fc.nat(64),
    fc.constantFrom('ascii', 'multibyte', 'unread'),
  )
  .map(([path, m, extra, kind]) => {
    const prefix = `{"schemas":["${USER_URN}"],"userName":"big@example.com","displayName":"`;
    if (kind === 'unread') return { method: m, path, body: null, bodyBytes: null };
    // Multibyte: under 1 MB in UTF-16 code units but over it in bytes.
    const fill = kind === 'ascii' ? 'a'.repeat(1024 * 1024 - prefix.length + 1 + extra) : 'é'.repeat(Math.ceil((1024 * 1024 - prefix.length) / 2) + 1 + extra);
    return { method: m, path, body: `${prefix}${fill}"}` };
  });

/** (5c) requests through the Next.js route glue, whose path parameters arrive already percent-decoded. */
export const routeRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  path: fc.array(
    fc.oneof({ weight: 4, arbitrary: segment }, { weight: 1, arbitrary: fc.constantFrom('%', '100%', '%zz', '%E0%A4%A', '%2541', 'a%2Fb', '%ED%A0%80') }),
    { maxLength: 3 },
  ),
  body: anyBody,
  query: fc.option(fc.constantFrom('filter=userName%20pr', 'attributes=id', 'count=1', 'startIndex=%', 'filter=%25'), { nil: undefined }),
});
