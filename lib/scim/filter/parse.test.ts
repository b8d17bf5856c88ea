import { describe, it, expect } from 'vitest';
import { ScimError } from '../errors';
import type { AttrPath, CompValue, CompareOp, FilterNode } from './ast';
import { parseFilter, parsePath } from './parse';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const p = (attr: string, sub?: string, uri?: string): AttrPath => ({ ...(uri ? { uri } : {}), attr, ...(sub ? { sub } : {}) });
const cmp = (path: AttrPath | string, op: CompareOp, value: CompValue): FilterNode => ({
  kind: 'compare',
  path: typeof path === 'string' ? dotted(path) : path,
  op,
  value,
});
const pr = (path: string): FilterNode => ({ kind: 'present', path: dotted(path) });
const and = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'and', left, right });
const or = (left: FilterNode, right: FilterNode): FilterNode => ({ kind: 'or', left, right });
const not = (expr: FilterNode): FilterNode => ({ kind: 'not', expr });
const vp = (attr: string, filter: FilterNode): FilterNode => ({ kind: 'valuePath', path: p(attr), filter });
function dotted(s: string): AttrPath {
  const [attr, sub] = s.split('.') as [string, string | undefined];
  return p(attr, sub);
}

const LM = 'meta.lastModified';
const emailsCoOr = or(cmp('emails', 'co', 'example.com'), cmp('emails.value', 'co', 'example.org'));

// Every filter in /work/shared/scim/idp-behaviour.md, then grammar edges.
const valid: [string, FilterNode][] = [
  // Okta SPEC test, CRUD test and real client (§1.1, §1.3, §1.4)
  ['userName eq "abcdefgh@atko.com"', cmp('userName', 'eq', 'abcdefgh@atko.com')],
  ['userName eq "RUNSCOPE300HFLUAKLAB151@ATKO.COM"', cmp('userName', 'eq', 'RUNSCOPE300HFLUAKLAB151@ATKO.COM')],
  ['userName eq "test.user@okta.local"', cmp('userName', 'eq', 'test.user@okta.local')],
  ['displayName eq "Test SCIMv2"', cmp('displayName', 'eq', 'Test SCIMv2')],
  // Entra (§2.1, §2.3): matching attributes; the validator's `+` arrives decoded as a space
  ['userName eq "Test_User_dfeef4c5-5681-4387-b016-bdf221e82081"', cmp('userName', 'eq', 'Test_User_dfeef4c5-5681-4387-b016-bdf221e82081')],
  ['externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"', cmp('externalId', 'eq', '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef')],
  ['emails[type eq "work"].value eq "Test_User@testuser.com"', vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'eq', 'Test_User@testuser.com')))],
  ['displayName eq "displayName"', cmp('displayName', 'eq', 'displayName')],
  ['id eq "usr_1" and manager eq "usr_2"', and(cmp('id', 'eq', 'usr_1'), cmp('manager', 'eq', 'usr_2'))],
  // Microsoft reference suite (§2.5): capitalised names, unquoted values
  ['DisplayName eq "BobIsAmazing"', cmp('DisplayName', 'eq', 'BobIsAmazing')],
  [
    'name.FamilyName eq Employee and (emails.Value co example.com or emails.Value co example.org)',
    and(cmp('name.FamilyName', 'eq', 'Employee'), or(cmp('emails.Value', 'co', 'example.com'), cmp('emails.Value', 'co', 'example.org'))),
  ],
  ['userName sw O', cmp('userName', 'sw', 'O')],
  ['meta.Created gt 2015-10-10T14:38:21.8617979-07:00', cmp('meta.Created', 'gt', '2015-10-10T14:38:21.8617979-07:00')],
  // "SCIM Inbound" (§2.6)
  ['id eq "usr_V1StGXR8_Z5jdHi6B"', cmp('id', 'eq', 'usr_V1StGXR8_Z5jdHi6B')],
  [
    'active eq true and (meta.lastModified ge "0001-01-03T00:00:00.0000000Z" and meta.lastModified le "2024-05-01T10:00:00.0000000Z")',
    and(cmp('active', 'eq', true), and(cmp(LM, 'ge', '0001-01-03T00:00:00.0000000Z'), cmp(LM, 'le', '2024-05-01T10:00:00.0000000Z'))),
  ],
  ['(ActiVe eq true) and meta.lastmodified ge "2024-05-01T10:00:00Z"', and(cmp('ActiVe', 'eq', true), cmp('meta.lastmodified', 'ge', '2024-05-01T10:00:00Z'))],
  // suvera compliance utility (§4)
  ['name.familyName co "Stark"', cmp('name.familyName', 'co', 'Stark')],
  // RFC 7644 §3.4.2.2, every example
  ['userName eq "bjensen"', cmp('userName', 'eq', 'bjensen')],
  ['name.familyName co "O\'Malley"', cmp('name.familyName', 'co', "O'Malley")],
  ['userName sw "J"', cmp('userName', 'sw', 'J')],
  [`${CORE}:userName sw "J"`, cmp(p('userName', undefined, CORE), 'sw', 'J')],
  [`${CORE}:name.familyName co "O'Malley"`, cmp(p('name', 'familyName', CORE), 'co', "O'Malley")],
  ['title pr', pr('title')],
  ...(['gt', 'ge', 'lt', 'le'] as const).map((op): [string, FilterNode] => [
    `meta.lastModified ${op} "2011-05-13T04:42:34Z"`,
    cmp(LM, op, '2011-05-13T04:42:34Z'),
  ]),
  ['title pr and userType eq "Employee"', and(pr('title'), cmp('userType', 'eq', 'Employee'))],
  ['title pr or userType eq "Intern"', or(pr('title'), cmp('userType', 'eq', 'Intern'))],
  [`schemas eq "${ENT}"`, cmp('schemas', 'eq', ENT)],
  ['userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")', and(cmp('userType', 'eq', 'Employee'), emailsCoOr)],
  ['userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")', and(cmp('userType', 'ne', 'Employee'), not(emailsCoOr))],
  ['userType eq "Employee" and (emails.type eq "work")', and(cmp('userType', 'eq', 'Employee'), cmp('emails.type', 'eq', 'work'))],
  [
    'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
    and(cmp('userType', 'eq', 'Employee'), vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com')))),
  ],
  [
    'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
    or(
      vp('emails', and(cmp('type', 'eq', 'work'), cmp('value', 'co', '@example.com'))),
      vp('ims', and(cmp('type', 'eq', 'xmpp'), cmp('value', 'co', '@foo.com'))),
    ),
  ],
  ['not (userName eq "x")', not(cmp('userName', 'eq', 'x'))],
  // extension URNs: the attribute starts after the last ':' although the URN holds dots (2.0)
  [`${ENT}:employeeNumber eq "1"`, cmp(p('employeeNumber', undefined, ENT), 'eq', '1')],
  [`${ENT}:manager.value eq "usr_2"`, cmp(p('manager', 'value', ENT), 'eq', 'usr_2')],
  ['members[value eq "89bb"]', vp('members', cmp('value', 'eq', '89bb'))],
  // precedence: () > not > and > or, and/or left-associative
  ['a eq 1 or b eq 2 and c eq 3', or(cmp('a', 'eq', 1), and(cmp('b', 'eq', 2), cmp('c', 'eq', 3)))],
  ['a eq 1 and b eq 2 or c eq 3', or(and(cmp('a', 'eq', 1), cmp('b', 'eq', 2)), cmp('c', 'eq', 3))],
  ['(a eq 1 or b eq 2) and c eq 3', and(or(cmp('a', 'eq', 1), cmp('b', 'eq', 2)), cmp('c', 'eq', 3))],
  ['a eq 1 and b eq 2 and c eq 3', and(and(cmp('a', 'eq', 1), cmp('b', 'eq', 2)), cmp('c', 'eq', 3))],
  ['not (a eq 1) and b eq 2', and(not(cmp('a', 'eq', 1)), cmp('b', 'eq', 2))],
  ['not (not (a pr))', not(not(pr('a')))],
  ['((a pr))', pr('a')],
  // nested logic inside brackets
  [
    'emails[type eq "work" and (value co "a" or not (primary eq true))]',
    vp('emails', and(cmp('type', 'eq', 'work'), or(cmp('value', 'co', 'a'), not(cmp('primary', 'eq', true))))),
  ],
  ['emails[type eq "work"].value pr', vp('emails', and(cmp('type', 'eq', 'work'), pr('value')))],
  // operators and keywords in any case; names kept as written
  ['userName EQ "x" AND title Pr OR NOT (Title Ne "y")', or(and(cmp('userName', 'eq', 'x'), pr('title')), not(cmp('Title', 'ne', 'y')))],
  // compValue forms
  ['a eq "q\\"b\\\\s\\/\\u00e9\\n\\t"', cmp('a', 'eq', 'q"b\\s/é\n\t')],
  ['a eq ""', cmp('a', 'eq', '')],
  ['a eq false', cmp('a', 'eq', false)],
  ['a eq null', cmp('a', 'eq', null)],
  ['a eq True', cmp('a', 'eq', true)],
  ['a eq FALSE', cmp('a', 'eq', false)],
  ['a eq "true"', cmp('a', 'eq', 'true')],
  ['a gt 42', cmp('a', 'gt', 42)],
  ['a lt -1.5e3', cmp('a', 'lt', -1500)],
  ['a eq 00123', cmp('a', 'eq', '00123')],
  ['a eq 1.2.3', cmp('a', 'eq', '1.2.3')],
  ['a eq "a) and (b"', cmp('a', 'eq', 'a) and (b')],
  ['(a eq x)', cmp('a', 'eq', 'x')],
  ['members[value eq abc]', vp('members', cmp('value', 'eq', 'abc'))],
  // whitespace leniency
  ['  a   eq\t"x"  ', cmp('a', 'eq', 'x')],
  ['not(a pr)', not(pr('a'))],
  ['a eq"x"', cmp('a', 'eq', 'x')],
  ['members[$ref pr]', vp('members', pr('$ref'))],
];

describe('parseFilter: valid filters', () => {
  it.each(valid)('%s', (input, expected) => {
    expect(parseFilter(input)).toEqual(expected);
  });
});

const deep = (n: number) => '('.repeat(n) + 'a pr' + ')'.repeat(n);
const deepNot = (n: number) => 'not ('.repeat(n) + 'a pr' + ')'.repeat(n);

const invalid: [string, string, RegExp][] = [
  ['empty', '', /empty/],
  ['blank', '   ', /empty/],
  ['bare value (Okta 2016 SPEC test)', 'Runscope300ABC@ATKO.COM', /not a valid attribute path at position 0/],
  ['bare word', 'RUNSCOPE', /expected an operator .* at position 8/],
  ['quoted value alone', '"abc"', /expected an attribute path/],
  ['missing value', 'userName eq', /expected a value/],
  ['unknown operator', 'userName xx "x"', /unknown operator 'xx' .* at position 9/],
  ['unterminated string', 'userName eq "x', /unterminated string at position 12/],
  ['bad escape', 'userName eq "a\\q"', /invalid escape/],
  ['short \\u escape', 'userName eq "\\u12"', /invalid \\u escape/],
  ['quote inside a bare value', 'userName eq ab"c"', /unexpected '"'/],
  ['unclosed paren', '(userName eq "x"', /expected '\)'/],
  ['extra close paren', 'userName eq "x")', /unexpected '\)'/],
  ['unclosed bracket', 'emails[type eq "work"', /expected '\]'/],
  ['extra close bracket', 'emails[type eq "work"]]', /unexpected '\]'/],
  ['trailing garbage', 'userName eq "x" foo', /unexpected 'foo'.* at position 16/],
  ['dangling and', 'userName eq "x" and', /expected an attribute path/],
  ['leading or', 'or userName eq "x"', /unknown operator 'userName'/],
  ['not without parens', 'not userName eq "x"', /expected '\(' after 'not'/],
  ['nested brackets', 'emails[value[x eq 1] eq 2]', /cannot be nested/],
  ['filter on a sub-attribute', 'emails.value[type eq "x"]', /not a sub-attribute/],
  ['valuePath sub without operator', 'emails[type eq "work"].value', /expected an operator/],
  ['three-part path', 'a.b.c eq 1', /not a valid attribute path/],
  ['empty URI', ':x eq 1', /not a valid attribute path/],
  ['URI without attribute', `${CORE}: eq 1`, /not a valid attribute path/],
  ['too long', `userName eq "${'x'.repeat(4100)}"`, /limit is 4096/],
  ['too deep (parens)', deep(51), /deeper than 50/],
  ['too deep (not)', deepNot(51), /deeper than 50/],
  ['very deep, no stack overflow', '('.repeat(4000), /deeper than 50/],
];

describe('parseFilter: invalid filters are 400 invalidFilter', () => {
  it.each(invalid)('%s', (_name, input, message) => {
    let error: unknown;
    try {
      parseFilter(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect((error as ScimError).detail).toMatch(message);
  });

  it('accepts nesting up to the limit, and and-chains up to SCIM_MAX_FILTER_LEAVES (100) comparisons', () => {
    expect(parseFilter(deep(50))).toEqual(pr('a'));
    expect(parseFilter(deepNot(50)).kind).toBe('not');
    const chain = Array.from({ length: 100 }, (_, i) => `a${i} pr`).join(' and ');
    expect(parseFilter(chain).kind).toBe('and');
  });

  it.each([
    ['an and-chain', Array.from({ length: 101 }, (_, i) => `a${i} pr`).join(' and ')],
    ['an or-chain of value filters', Array.from({ length: 51 }, (_, i) => `emails[type eq "w" and value eq "${i}"]`).join(' or ')],
    ['nested groups', `${'('.repeat(40)}${Array.from({ length: 101 }, () => 'a eq 1').join(' or ')}${')'.repeat(40)}`],
  ])('refuses more than 100 comparisons: %s → 400 tooMany naming the setting', (_, filter) => {
    expect(() => parseFilter(filter)).toThrow(
      expect.objectContaining({ status: 400, scimType: 'tooMany', detail: expect.stringContaining('SCIM_MAX_FILTER_LEAVES') }),
    );
  });

  it('counts the comparisons of a PATCH path too', () => {
    const path = `members[${Array.from({ length: 101 }, (_, i) => `value eq "u${i}"`).join(' or ')}]`;
    expect(() => parsePath(path)).toThrow(
      expect.objectContaining({ scimType: 'tooMany', detail: expect.stringContaining('The path has more than 100 comparisons') }),
    );
    expect(parsePath(`members[${Array.from({ length: 100 }, (_, i) => `value eq "u${i}"`).join(' or ')}]`).filter?.kind).toBe('or');
  });
});
