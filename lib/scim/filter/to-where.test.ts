import { describe, it, expect } from 'vitest';
import { parseFilter } from './parse';
import { groupFilterToWhere, userFilterToWhere } from './to-where';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const d = (iso: string) => new Date(iso);
const user = (filter: string) => userFilterToWhere(parseFilter(filter));

// Every user filter in /work/shared/scim/idp-behaviour.md that names a filterable attribute, and the edges.
const userCases: [string, unknown][] = [
  // Okta (§1.1, §1.4): userName is case-insensitive, so the operand is lower-cased against userNameLower
  ['userName eq "abcdefgh@atko.com"', { userNameLower: 'abcdefgh@atko.com' }],
  ['userName eq "RUNSCOPE300HFLUAKLAB151@ATKO.COM"', { userNameLower: 'runscope300hfluaklab151@atko.com' }],
  // Entra (§2.1): the matching attributes; externalId and id are case-exact
  ['externalId eq "0A21f0f2"', { externalId: '0A21f0f2' }],
  ['emails[type eq "work"].value eq "Test_User@TestUser.com"', { emails: { some: { type: 'work', valueLower: 'test_user@testuser.com' } } }],
  ['emails[type eq "Work" and value eq "x@Y.com"]', { emails: { some: { type: 'work', valueLower: 'x@y.com' } } }],
  ['id eq "usr_X" and manager eq "usr_Y"', { id: 'usr_X', managerId: 'usr_Y' }],
  // Microsoft reference suite (§2.5)
  ['DisplayName eq "BobIsAmazing"', { displayNameLower: 'bobisamazing' }],
  ['name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)', {
    familyNameLower: 'employee',
    OR: [{ emails: { some: { valueLower: { contains: 'example.com' } } } }, { emails: { some: { valueLower: { contains: 'example.org' } } } }],
  }],
  ['userName sw O', { userNameLower: { gte: 'o', lt: 'p' } }],
  ['meta.Created gt 2015-10-10T14:38:21.8617979-07:00', { createdAt: { gt: d('2015-10-10T21:38:21.861Z') } }],
  // "SCIM Inbound" (§2.6)
  ['active eq true and (meta.lastModified ge "0001-01-03T00:00:00.0000000Z" and meta.lastModified le "2024-05-01T10:00:00Z")', {
    AND: [{ active: true }, { updatedAt: { gte: d('0001-01-03T00:00:00Z') } }, { updatedAt: { lte: d('2024-05-01T10:00:00Z') } }],
  }],
  ['(ActiVe eq true) and meta.lastmodified ge "2024-05-01T10:00:00Z"', { active: true, updatedAt: { gte: d('2024-05-01T10:00:00Z') } }],
  // suvera (§4) and RFC 7644 §3.4.2.2 examples on filterable attributes
  ['name.familyName co "Stark"', { familyNameLower: { contains: 'stark' } }],
  ['userName eq "bjensen"', { userNameLower: 'bjensen' }],
  ['name.familyName co "O\'Malley"', { familyNameLower: { contains: "o'malley" } }],
  [`${CORE}:name.familyName co "O'Malley"`, { familyNameLower: { contains: "o'malley" } }],
  [`${CORE}:userName sw "J"`, { userNameLower: { gte: 'j', lt: 'k' } }],
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', { updatedAt: { gt: d('2011-05-13T04:42:34Z') } }],
  ['meta.lastModified ge "2011-05-13T04:42:34Z"', { updatedAt: { gte: d('2011-05-13T04:42:34Z') } }],
  ['meta.lastModified lt "2011-05-13T04:42:34Z"', { updatedAt: { lt: d('2011-05-13T04:42:34Z') } }],
  ['meta.lastModified le "2011-05-13T04:42:34Z"', { updatedAt: { lte: d('2011-05-13T04:42:34Z') } }],
  ['not (userName eq "x")', { NOT: { userNameLower: 'x' } }],
  ['emails[type eq "work" and value co "@example.com"]', { emails: { some: { type: 'work', valueLower: { contains: '@example.com' } } } }],
  ['emails co "example.com" or emails.value co "example.org"', {
    OR: [{ emails: { some: { valueLower: { contains: 'example.com' } } } }, { emails: { some: { valueLower: { contains: 'example.org' } } } }],
  }],
  ['emails.type eq "work"', { emails: { some: { type: 'work' } } }],
  // enterprise extension, prefixed and (Entra) unprefixed; case-exact
  [`${ENT}:employeeNumber eq "A1"`, { employeeNumber: 'A1' }],
  ['employeeNumber eq 701984', { employeeNumber: '701984' }],
  [`${ENT}:manager eq "usr_M"`, { managerId: 'usr_M' }],
  [`${ENT}:manager.value eq "usr_M"`, { managerId: 'usr_M' }],
  ['groups eq "grp_1"', { memberships: { some: { groupId: 'grp_1' } } }],
  // booleans: true/false and Entra's "True"/"False"
  ['active eq false', { active: false }],
  ['active eq "True"', { active: true }],
  ['active ne "false"', { active: { not: false } }],
  // ne matches NULL rows too (SQL `<>` would drop them)
  ['externalId ne "E1"', { OR: [{ externalId: { not: 'E1' } }, { externalId: null }] }],
  ['userName ne "Bob"', { userNameLower: { not: 'bob' } }],
  ['meta.created ne "2020-01-01"', { createdAt: { not: d('2020-01-01T00:00:00Z') } }],
  // not: nullable columns get a `not: null` guard so NOT never meets SQL's UNKNOWN
  ['not (externalId eq "E1")', { NOT: { externalId: { equals: 'E1', not: null } } }],
  ['not (displayName co "x" or userName eq "y")', { NOT: { OR: [{ displayNameLower: { contains: 'x', not: null } }, { userNameLower: 'y' }] } }],
  ['not (employeeNumber gt "5")', { NOT: { employeeNumber: { gt: '5', not: null } } }],
  ['not (emails[type eq "work"])', { NOT: { emails: { some: { type: 'work' } } } }],
  ['emails[not (type eq "work")]', { emails: { some: { NOT: { type: { equals: 'work', not: null } } } } }],
  // pr and eq null
  ['displayName pr', { AND: [{ displayNameLower: { not: null } }, { displayNameLower: { not: '' } }] }],
  ['userName pr', { userNameLower: { not: '' } }],
  ['displayName eq null', { OR: [{ displayNameLower: null }, { displayNameLower: '' }] }],
  ['displayName ne null', { AND: [{ displayNameLower: { not: null } }, { displayNameLower: { not: '' } }] }],
  ['active pr', { OR: [{ active: true }, { active: false }] }],
  ['active eq null', { NOT: { OR: [{ active: true }, { active: false }] } }],
  ['meta.created pr', { OR: [{ createdAt: { lt: d('1970-01-01T00:00:00Z') } }, { createdAt: { gte: d('1970-01-01T00:00:00Z') } }] }],
  ['emails pr', { emails: { some: {} } }],
  ['emails eq null', { emails: { none: {} } }],
  ['emails.type pr', { emails: { some: { AND: [{ type: { not: null } }, { type: { not: '' } }] } } }],
  ['emails ne "X@y.com"', { emails: { none: { valueLower: 'x@y.com' } } }],
  ['emails.primary eq "True"', { emails: { some: { primary: true } } }],
  // ordering on strings is lexical on the stored (lower-cased) column
  ['userName gt "M"', { userNameLower: { gt: 'm' } }],
  ['externalId le "M"', { externalId: { lte: 'M' } }],
  ['userName ew ".COM"', { userNameLower: { endsWith: '.com' } }],
  // a single-valued complex attribute in brackets is its dotted form
  ['name[givenName eq "Bob" and familyName pr]', {
    givenNameLower: 'bob', AND: [{ familyNameLower: { not: null } }, { familyNameLower: { not: '' } }],
  }],
  // and/or chains flatten; colliding keys fall back to AND: [...]
  ['userName eq "a" and (displayName eq "b" and externalId eq "c")', { userNameLower: 'a', displayNameLower: 'b', externalId: 'c' }],
  ['userName eq "a" or userName eq "b" or (userName eq "c" or id eq "d")', {
    OR: [{ userNameLower: 'a' }, { userNameLower: 'b' }, { userNameLower: 'c' }, { id: 'd' }],
  }],
  ['userName eq "a" and userName sw "a"', { AND: [{ userNameLower: 'a' }, { userNameLower: { gte: 'a', lt: 'b' } }] }],
];

describe('userFilterToWhere', () => {
  it.each(userCases)('%s', (filter, expected) => {
    expect(user(filter)).toEqual(expected);
  });
});

const groupCases: [string, unknown][] = [
  ['displayName eq "Test SCIMv2"', { displayNameLower: 'test scimv2' }], // Okta group push (§1.4)
  ['displayName eq "displayName"', { displayNameLower: 'displayname' }], // Entra (§2.1)
  ['DISPLAYNAME Eq "Sales"', { displayNameLower: 'sales' }],
  ['externalId eq "8aa1"', { externalId: '8aa1' }],
  ['id eq "grp_1"', { id: 'grp_1' }],
  ['members[value eq "usr_AbC"]', { members: { some: { userId: 'usr_AbC' } } }],
  ['members eq "usr_AbC"', { members: { some: { userId: 'usr_AbC' } } }],
  ['members.value eq "usr_AbC"', { members: { some: { userId: 'usr_AbC' } } }],
  ['members pr', { members: { some: {} } }],
  ['not (members pr)', { NOT: { members: { some: {} } } }],
  ['meta.lastModified gt "2011-05-13T04:42:34Z"', { updatedAt: { gt: d('2011-05-13T04:42:34Z') } }],
  ['displayName pr', { displayNameLower: { not: '' } }],
  ['urn:ietf:params:scim:schemas:core:2.0:Group:displayName eq "X"', { displayNameLower: 'x' }],
];

describe('groupFilterToWhere', () => {
  it.each(groupCases)('%s', (filter, expected) => {
    expect(groupFilterToWhere(parseFilter(filter))).toEqual(expected);
  });
});
