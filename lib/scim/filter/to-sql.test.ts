import { describe, it, expect } from 'vitest';
import { postgres, sqlite } from '../../db/dialect';
import type { Operand } from './attributes';
import { buildAttrs } from './attributes';
import { parseFilter } from './parse';
import { GROUP_ATTRS, USER_ATTRS } from './resource-attrs';
import { filterToSql } from './to-sql';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const d = (iso: string) => new Date(iso);
const user = (filter: string) => filterToSql(parseFilter(filter), { attrs: USER_ATTRS, alias: 'u', directoryId: 'dir_1', dialect: sqlite });

// Every user filter in /work/shared/scim/idp-behaviour.md that names a filterable attribute, and the edges: the SQL
// condition and its parameters. Case-insensitive attributes compare lower-cased columns with lower-cased operands;
// id, externalId, employeeNumber and manager are case-exact; multi-valued attributes are an IN over their rows in
// the directory; `ne` keeps NULL rows, and under `not` a nullable column is guarded so NULL reads as FALSE.
const userCases: [string, string, unknown[]][] = [
  ['userName eq "abcdefgh@atko.com"', `u."userNameLower" = ?`, ['abcdefgh@atko.com']],
  ['userName eq "RUNSCOPE300HFLUAKLAB151@ATKO.COM"', `u."userNameLower" = ?`, ['runscope300hfluaklab151@atko.com']],
  ['externalId eq "0A21f0f2"', `u."externalId" = ?`, ['0A21f0f2']],
  [
    'emails[type eq "work"].value eq "Test_User@TestUser.com"',
    `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND (r1."type" = ? AND r1."valueLower" = ?))`,
    ['dir_1', 'work', 'test_user@testuser.com'],
  ],
  [
    'emails[type eq "Work" and value eq "x@Y.com"]',
    `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND (r1."type" = ? AND r1."valueLower" = ?))`,
    ['dir_1', 'work', 'x@y.com'],
  ],
  ['id eq "usr_X" and manager eq "usr_Y"', `(u."id" = ? AND u."managerId" = ?)`, ['usr_X', 'usr_Y']],
  ['DisplayName eq "BobIsAmazing"', `u."displayNameLower" = ?`, ['bobisamazing']],
  [
    'name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)',
    `(u."familyNameLower" = ? AND (u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND r1."valueLower" LIKE ? ESCAPE '\\') OR u."id" IN (SELECT r2."userId" FROM "UserEmail" r2 WHERE r2."directoryId" = ? AND r2."valueLower" LIKE ? ESCAPE '\\')))`,
    ['employee', 'dir_1', '%example.com%', 'dir_1', '%example.org%'],
  ],
  ['userName sw O', `u."userNameLower" LIKE ? ESCAPE '\\'`, ['o%']],
  ['meta.Created gt 2015-10-10T14:38:21.8617979-07:00', `u."createdAt" > ?`, [d('2015-10-10T21:38:21.861Z')]],
  [
    'active eq true and (meta.lastModified ge "0001-01-03T00:00:00.0000000Z" and meta.lastModified le "2024-05-01T10:00:00Z")',
    `(u."active" = ? AND u."updatedAt" >= ? AND u."updatedAt" <= ?)`,
    [true, d('0001-01-03T00:00:00.000Z'), d('2024-05-01T10:00:00.000Z')],
  ],
  ['(ActiVe eq true) and meta.lastmodified ge "2024-05-01T10:00:00Z"', `(u."active" = ? AND u."updatedAt" >= ?)`, [true, d('2024-05-01T10:00:00.000Z')]],
  ['name.familyName co "Stark"', `u."familyNameLower" LIKE ? ESCAPE '\\'`, ['%stark%']],
  // RFC 7643 §4.1 title: case-insensitive, its own lower-cased column
  ['title eq "Vice President"', `u."titleLower" = ?`, ['vice president']],
  ['not (title sw "VP")', `NOT ((u."titleLower" LIKE ? ESCAPE '\\' AND u."titleLower" IS NOT NULL))`, ['vp%']],
  ['userName eq "bjensen"', `u."userNameLower" = ?`, ['bjensen']],
  ['name.familyName co "O\'Malley"', `u."familyNameLower" LIKE ? ESCAPE '\\'`, ["%o'malley%"]],
  [`${CORE}:name.familyName co "O'Malley"`, `u."familyNameLower" LIKE ? ESCAPE '\\'`, ["%o'malley%"]],
  [`${CORE}:userName sw "J"`, `u."userNameLower" LIKE ? ESCAPE '\\'`, ['j%']],
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', `u."updatedAt" > ?`, [d('2011-05-13T04:42:34.000Z')]],
  ['meta.lastModified ge "2011-05-13T04:42:34Z"', `u."updatedAt" >= ?`, [d('2011-05-13T04:42:34.000Z')]],
  ['meta.lastModified lt "2011-05-13T04:42:34Z"', `u."updatedAt" < ?`, [d('2011-05-13T04:42:34.000Z')]],
  ['meta.lastModified le "2011-05-13T04:42:34Z"', `u."updatedAt" <= ?`, [d('2011-05-13T04:42:34.000Z')]],
  ['not (userName eq "x")', `NOT (u."userNameLower" = ?)`, ['x']],
  [
    'emails[type eq "work" and value co "@example.com"]',
    `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND (r1."type" = ? AND r1."valueLower" LIKE ? ESCAPE '\\'))`,
    ['dir_1', 'work', '%@example.com%'],
  ],
  [
    'emails co "example.com" or emails.value co "example.org"',
    `(u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND r1."valueLower" LIKE ? ESCAPE '\\') OR u."id" IN (SELECT r2."userId" FROM "UserEmail" r2 WHERE r2."directoryId" = ? AND r2."valueLower" LIKE ? ESCAPE '\\'))`,
    ['dir_1', '%example.com%', 'dir_1', '%example.org%'],
  ],
  ['emails.type eq "work"', `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND r1."type" = ?)`, ['dir_1', 'work']],
  [`${ENT}:employeeNumber eq "A1"`, `u."employeeNumber" = ?`, ['A1']],
  ['employeeNumber eq 701984', `u."employeeNumber" = ?`, ['701984']],
  [`${ENT}:manager eq "usr_M"`, `u."managerId" = ?`, ['usr_M']],
  [`${ENT}:manager.value eq "usr_M"`, `u."managerId" = ?`, ['usr_M']],
  ['groups eq "grp_1"', `u."id" IN (SELECT r1."userId" FROM "GroupMembership" r1 WHERE r1."directoryId" = ? AND r1."groupId" = ?)`, ['dir_1', 'grp_1']],
  ['active eq false', `u."active" = ?`, [false]],
  ['active eq "True"', `u."active" = ?`, [true]],
  ['active ne "false"', `u."active" <> ?`, [false]],
  ['externalId ne "E1"', `(u."externalId" <> ? OR u."externalId" IS NULL)`, ['E1']],
  ['userName ne "Bob"', `u."userNameLower" <> ?`, ['bob']],
  ['meta.created ne "2020-01-01"', `u."createdAt" <> ?`, [d('2020-01-01T00:00:00.000Z')]],
  ['not (externalId eq "E1")', `NOT ((u."externalId" = ? AND u."externalId" IS NOT NULL))`, ['E1']],
  [
    'not (displayName co "x" or userName eq "y")',
    `NOT (((u."displayNameLower" LIKE ? ESCAPE '\\' AND u."displayNameLower" IS NOT NULL) OR u."userNameLower" = ?))`,
    ['%x%', 'y'],
  ],
  ['not (employeeNumber gt "5")', `NOT ((u."employeeNumber" > ? AND u."employeeNumber" IS NOT NULL))`, ['5']],
  ['not (emails[type eq "work"])', `NOT (u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND r1."type" = ?))`, ['dir_1', 'work']],
  [
    'emails[not (type eq "work")]',
    `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND NOT ((r1."type" = ? AND r1."type" IS NOT NULL)))`,
    ['dir_1', 'work'],
  ],
  ['displayName pr', `(u."displayNameLower" IS NOT NULL AND u."displayNameLower" <> '')`, []],
  ['userName pr', `u."userNameLower" <> ''`, []],
  ['displayName eq null', `(u."displayNameLower" IS NULL OR u."displayNameLower" = '')`, []],
  ['displayName ne null', `(u."displayNameLower" IS NOT NULL AND u."displayNameLower" <> '')`, []],
  ['active pr', `1 = 1`, []],
  ['active eq null', `1 = 0`, []],
  ['meta.created pr', `1 = 1`, []],
  ['emails pr', `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ?)`, ['dir_1']],
  ['emails eq null', `u."id" NOT IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ?)`, ['dir_1']],
  [
    'emails.type pr',
    `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND (r1."type" IS NOT NULL AND r1."type" <> ''))`,
    ['dir_1'],
  ],
  ['emails ne "X@y.com"', `u."id" NOT IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND r1."valueLower" = ?)`, ['dir_1', 'x@y.com']],
  ['emails.primary eq "True"', `u."id" IN (SELECT r1."userId" FROM "UserEmail" r1 WHERE r1."directoryId" = ? AND r1."primary" = ?)`, ['dir_1', true]],
  ['userName gt "M"', `u."userNameLower" > ?`, ['m']],
  ['externalId le "M"', `u."externalId" <= ?`, ['M']],
  ['userName ew ".COM"', `u."userNameLower" LIKE ? ESCAPE '\\'`, ['%.com']],
  ['name[givenName eq "Bob" and familyName pr]', `(u."givenNameLower" = ? AND (u."familyNameLower" IS NOT NULL AND u."familyNameLower" <> ''))`, ['bob']],
  [
    'userName eq "a" and (displayName eq "b" and externalId eq "c")',
    `(u."userNameLower" = ? AND u."displayNameLower" = ? AND u."externalId" = ?)`,
    ['a', 'b', 'c'],
  ],
  [
    'userName eq "a" or userName eq "b" or (userName eq "c" or id eq "d")',
    `(u."userNameLower" = ? OR u."userNameLower" = ? OR u."userNameLower" = ? OR u."id" = ?)`,
    ['a', 'b', 'c', 'd'],
  ],
  ['userName eq "a" and userName sw "a"', `(u."userNameLower" = ? AND u."userNameLower" LIKE ? ESCAPE '\\')`, ['a', 'a%']],
];

const groupCases: [string, string, unknown[]][] = [
  ['displayName eq "Test SCIMv2"', `g."displayNameLower" = ?`, ['test scimv2']],
  ['displayName eq "displayName"', `g."displayNameLower" = ?`, ['displayname']],
  ['DISPLAYNAME Eq "Sales"', `g."displayNameLower" = ?`, ['sales']],
  ['externalId eq "8aa1"', `g."externalId" = ?`, ['8aa1']],
  ['id eq "grp_1"', `g."id" = ?`, ['grp_1']],
  [
    'members[value eq "usr_AbC"]',
    `g."id" IN (SELECT r1."groupId" FROM "GroupMembership" r1 WHERE r1."directoryId" = ? AND r1."userId" = ?)`,
    ['dir_1', 'usr_AbC'],
  ],
  ['members eq "usr_AbC"', `g."id" IN (SELECT r1."groupId" FROM "GroupMembership" r1 WHERE r1."directoryId" = ? AND r1."userId" = ?)`, ['dir_1', 'usr_AbC']],
  [
    'members.value eq "usr_AbC"',
    `g."id" IN (SELECT r1."groupId" FROM "GroupMembership" r1 WHERE r1."directoryId" = ? AND r1."userId" = ?)`,
    ['dir_1', 'usr_AbC'],
  ],
  ['members pr', `g."id" IN (SELECT r1."groupId" FROM "GroupMembership" r1 WHERE r1."directoryId" = ?)`, ['dir_1']],
  ['not (members pr)', `NOT (g."id" IN (SELECT r1."groupId" FROM "GroupMembership" r1 WHERE r1."directoryId" = ?))`, ['dir_1']],
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', `g."updatedAt" > ?`, [d('2011-05-13T04:42:34.000Z')]],
  ['displayName pr', `g."displayNameLower" <> ''`, []],
  ['urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "X"', `g."displayNameLower" = ?`, ['x']],
];

describe('filterToSql: users', () => {
  it.each(userCases)('%s', (filter, sql, params) => {
    expect(user(filter)).toEqual({ sql, params });
  });
});

describe('filterToSql: groups', () => {
  it.each(groupCases)('%s', (filter, sql, params) => {
    expect(filterToSql(parseFilter(filter), { attrs: GROUP_ATTRS, alias: 'g', directoryId: 'dir_1', dialect: sqlite })).toEqual({ sql, params });
  });
});

describe('co / sw / ew: LIKE with the operand escaped, on both databases', () => {
  it.each([
    ['emails co "first_last"', '%first\\_last%'],
    ['userName sw "100%"', '100\\%%'],
    ['externalId ew "a\\\\b"', '%a\\\\b'],
    ['displayName co "plain"', '%plain%'],
  ])('%s', (filter, pattern) => {
    for (const dialect of [sqlite, postgres]) {
      const w = filterToSql(parseFilter(filter), { attrs: USER_ATTRS, alias: 'u', directoryId: 'dir_1', dialect });
      expect(w.sql).toContain(`LIKE ? ESCAPE '\\'`);
      expect(w.params.at(-1)).toBe(pattern);
    }
  });
});

describe('attributes kept only in the raw JSON: every schema attribute without a column, on both databases', () => {
  const DEPT = `'$."${ENT}"."department"'`;
  // [filter, SQLite condition, PostgreSQL condition, params]
  const cases: [string, string, string, unknown[]][] = [
    ['nickName eq "Babs"', `lower(json_extract(u."raw", '$."nickName"')) = ?`, `lower((u."raw"::jsonb #>> '{"nickName"}')) = ?`, ['babs']],
    [`${ENT}:department eq "Sales"`, `lower(json_extract(u."raw", ${DEPT})) = ?`, `lower((u."raw"::jsonb #>> '{"${ENT}","department"}')) = ?`, ['sales']],
    // Entra writes extension attributes unprefixed too.
    [
      'department co "ale"',
      `lower(json_extract(u."raw", ${DEPT})) LIKE ? ESCAPE '\\'`,
      `lower((u."raw"::jsonb #>> '{"${ENT}","department"}')) LIKE ? ESCAPE '\\'`,
      ['%ale%'],
    ],
    [
      'name.middleName pr',
      `(lower(json_extract(u."raw", '$."name"."middleName"')) IS NOT NULL AND lower(json_extract(u."raw", '$."name"."middleName"')) <> '')`,
      `(lower((u."raw"::jsonb #>> '{"name","middleName"}')) IS NOT NULL AND lower((u."raw"::jsonb #>> '{"name","middleName"}')) <> '')`,
      [],
    ],
    ['name pr', `json_extract(u."raw", '$."name"') IS NOT NULL`, `(u."raw"::jsonb #>> '{"name"}') IS NOT NULL`, []],
    // `ne` keeps users without the attribute; under `not` a missing value reads as FALSE.
    [
      'userType ne "Employee"',
      `(lower(json_extract(u."raw", '$."userType"')) <> ? OR lower(json_extract(u."raw", '$."userType"')) IS NULL)`,
      `(lower((u."raw"::jsonb #>> '{"userType"}')) <> ? OR lower((u."raw"::jsonb #>> '{"userType"}')) IS NULL)`,
      ['employee'],
    ],
    [
      'not (locale eq "en-US")',
      `NOT ((lower(json_extract(u."raw", '$."locale"')) = ? AND lower(json_extract(u."raw", '$."locale"')) IS NOT NULL))`,
      `NOT ((lower((u."raw"::jsonb #>> '{"locale"}')) = ? AND lower((u."raw"::jsonb #>> '{"locale"}')) IS NOT NULL))`,
      ['en-us'],
    ],
    // A multi-valued attribute in `raw`: EXISTS over its elements.
    [
      'phoneNumbers[type eq "work"].value eq "555-0100"',
      `EXISTS (SELECT 1 FROM json_each(CASE json_type(u."raw", '$."phoneNumbers"') WHEN 'array' THEN json_extract(u."raw", '$."phoneNumbers"') ELSE '[]' END) r1 WHERE (lower((CASE r1."type" WHEN 'object' THEN json_extract(r1."value", '$."type"') END)) = ? AND lower((CASE r1."type" WHEN 'object' THEN json_extract(r1."value", '$."value"') END)) = ?))`,
      `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(u."raw"::jsonb #> '{"phoneNumbers"}') WHEN 'array' THEN u."raw"::jsonb #> '{"phoneNumbers"}' ELSE '[]'::jsonb END) AS r1("value") WHERE (lower((r1."value" #>> '{"type"}')) = ? AND lower((r1."value" #>> '{"value"}')) = ?))`,
      ['work', '555-0100'],
    ],
    [
      'not (addresses pr)',
      `NOT (EXISTS (SELECT 1 FROM json_each(CASE json_type(u."raw", '$."addresses"') WHEN 'array' THEN json_extract(u."raw", '$."addresses"') ELSE '[]' END) r1))`,
      `NOT (EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(u."raw"::jsonb #> '{"addresses"}') WHEN 'array' THEN u."raw"::jsonb #> '{"addresses"}' ELSE '[]'::jsonb END) AS r1("value")))`,
      [],
    ],
    [
      'entitlements.primary eq "True"',
      `EXISTS (SELECT 1 FROM json_each(CASE json_type(u."raw", '$."entitlements"') WHEN 'array' THEN json_extract(u."raw", '$."entitlements"') ELSE '[]' END) r1 WHERE (CASE lower((CASE r1."type" WHEN 'object' THEN json_extract(r1."value", '$."primary"') END)) WHEN 'true' THEN 1 WHEN '1' THEN 1 WHEN 'false' THEN 0 WHEN '0' THEN 0 END) = ?)`,
      `EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(u."raw"::jsonb #> '{"entitlements"}') WHEN 'array' THEN u."raw"::jsonb #> '{"entitlements"}' ELSE '[]'::jsonb END) AS r1("value") WHERE (CASE lower((r1."value" #>> '{"primary"}')) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE END) = ?)`,
      [true],
    ],
  ];
  it.each(cases)('%s', (filter, sqliteSql, postgresSql, params) => {
    expect(filterToSql(parseFilter(filter), { attrs: USER_ATTRS, alias: 'u', directoryId: 'dir_1', dialect: sqlite })).toEqual({ sql: sqliteSql, params });
    expect(filterToSql(parseFilter(filter), { attrs: USER_ATTRS, alias: 'u', directoryId: 'dir_1', dialect: postgres })).toEqual({ sql: postgresSql, params });
  });
});

describe('attributes kept only in the raw JSON (the third kind of backing, for issue 18)', () => {
  const attrs = buildAttrs({
    resource: 'User',
    table: 'DirectoryUser',
    coreUrn: CORE,
    core: { userName: { column: 'userNameLower', lower: true } },
    extensions: {},
  });
  const title: Operand = { source: { json: ['title'] }, type: 'string', nullable: true, lower: true };
  attrs.index.set('title', title);

  it.each([
    [sqlite, `lower(json_extract(u."raw", '$."title"')) = ?`],
    [postgres, `lower((u."raw"::jsonb #>> '{"title"}')) = ?`],
  ])('%#: an expression over `raw`, compared like a column', (dialect, sql) => {
    expect(filterToSql(parseFilter('title eq "VP"'), { attrs, alias: 'u', directoryId: 'dir_1', dialect })).toEqual({ sql, params: ['vp'] });
  });
});

describe('unknownAsAbsent (a search over several resource types): an attribute the type lacks reads as absent', () => {
  it.each([
    ['nickName pr', '1 = 0'],
    ['nickName eq "x"', '1 = 0'],
    ['nickName eq null', '1 = 1'],
    ['nickName ne "x"', '1 = 1'],
    ['nickName ne null', '1 = 0'],
    ['phoneNumbers[type eq "work"]', '1 = 0'],
    ['not (userName co "a") or displayName eq "x"', '(NOT (1 = 0) OR g."displayNameLower" = ?)'],
  ])('%s on Groups → %s', (filter, sql) => {
    expect(filterToSql(parseFilter(filter), { attrs: GROUP_ATTRS, alias: 'g', directoryId: 'dir_1', dialect: sqlite, unknownAsAbsent: true }).sql).toBe(sql);
  });

  it('still refuses what the type has but cannot compare', () => {
    expect(() =>
      filterToSql(parseFilter('members[display eq "x"]'), { attrs: GROUP_ATTRS, alias: 'g', directoryId: 'dir_1', dialect: sqlite, unknownAsAbsent: true }),
    ).toThrow(expect.objectContaining({ scimType: 'invalidFilter' }));
  });
});
