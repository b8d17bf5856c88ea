// RFC 7644 §3.5.2.1–3 semantics and the error cases (§3 checklist).
import { describe, it, expect } from 'vitest';
import { ScimError } from '../errors';
import { normalizeUser } from '../resources/normalize-user';
import { PATCH_OP_URN, USER_URN, type ScimObject } from '../types';
import { applyPatch } from './apply-patch';
import { parsePatchRequest } from './parse-patch';

const base: ScimObject = normalizeUser({
  schemas: [USER_URN],
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  displayName: 'Babs',
  preferredLanguage: 'en',
  emails: [
    { value: 'b@work.com', type: 'work', primary: true },
    { value: 'b@home.com', type: 'home' },
  ],
  active: true,
});

/** What the PATCH route does: parse, apply, re-normalise. */
const run = (ops: unknown[], resource: ScimObject = base) =>
  normalizeUser(applyPatch(resource, parsePatchRequest({ schemas: [PATCH_OP_URN], Operations: ops }), 'User'));

describe('applyPatch: RFC 7644 §3.5.2', () => {
  it.each<[string, unknown[], ScimObject]>([
    [
      'add without path merges the object',
      [{ op: 'add', value: { title: 'CEO', name: { middleName: 'J' } } }],
      { title: 'CEO', name: { givenName: 'Barbara', familyName: 'Jensen', middleName: 'J' } },
    ],
    ['add to a missing attribute creates it', [{ op: 'add', path: 'nickName', value: 'Babs' }], { nickName: 'Babs' }],
    ['add single-valued replaces', [{ op: 'add', path: 'displayName', value: 'B' }], { displayName: 'B' }],
    ['add complex merges sub-attributes', [{ op: 'add', path: 'name', value: { givenName: 'Barb' } }], { name: { givenName: 'Barb', familyName: 'Jensen' } }],
    [
      'add to multi-valued appends',
      [{ op: 'add', path: 'emails', value: [{ value: 'b@other.com', type: 'other' }] }],
      {
        emails: [
          { value: 'b@work.com', type: 'work', primary: true },
          { value: 'b@home.com', type: 'home' },
          { value: 'b@other.com', type: 'other' },
        ],
      },
    ],
    [
      'add an identical existing value is a no-op',
      [{ op: 'add', path: 'emails', value: [{ value: 'b@home.com', type: 'home' }] }],
      { emails: base.emails as ScimObject[] },
    ],
    [
      'add primary:true clears the other primary',
      [{ op: 'add', path: 'emails', value: { value: 'n@x.com', primary: true } }],
      {
        emails: [
          { value: 'b@work.com', type: 'work', primary: false },
          { value: 'b@home.com', type: 'home' },
          { value: 'n@x.com', primary: true },
        ],
      },
    ],
    [
      'replace without path replaces the given attributes',
      [{ op: 'replace', value: { displayName: 'X', active: false } }],
      { displayName: 'X', active: false, userName: 'bjensen' },
    ],
    [
      'replace multi-valued without filter replaces all',
      [{ op: 'replace', path: 'emails', value: [{ value: 'only@x.com' }] }],
      { emails: [{ value: 'only@x.com' }] },
    ],
    ['replace of an absent target adds', [{ op: 'replace', path: 'title', value: 'Boss' }], { title: 'Boss' }],
    [
      'replace complex replaces only given sub-attributes',
      [{ op: 'replace', path: 'name', value: { familyName: 'J2' } }],
      { name: { givenName: 'Barbara', familyName: 'J2' } },
    ],
    ['replace sub-attribute', [{ op: 'replace', path: 'name.familyName', value: 'Smith' }], { name: { givenName: 'Barbara', familyName: 'Smith' } }],
    [
      'replace valuePath element sub-attribute',
      [{ op: 'replace', path: 'emails[type eq "home"].value', value: 'h@x.com' }],
      {
        emails: [
          { value: 'b@work.com', type: 'work', primary: true },
          { value: 'h@x.com', type: 'home' },
        ],
      },
    ],
    [
      'replace valuePath primary clears the other',
      [{ op: 'replace', path: 'emails[type eq "home"].primary', value: true }],
      {
        emails: [
          { value: 'b@work.com', type: 'work', primary: false },
          { value: 'b@home.com', type: 'home', primary: true },
        ],
      },
    ],
    [
      'replace valuePath element whole',
      [{ op: 'replace', path: 'emails[type eq "home"]', value: { value: 'n@x.com', type: 'home' } }],
      {
        emails: [
          { value: 'b@work.com', type: 'work', primary: true },
          { value: 'n@x.com', type: 'home' },
        ],
      },
    ],
    ['remove a sub-attribute', [{ op: 'remove', path: 'name.givenName' }], { name: { familyName: 'Jensen' } }],
    ['remove valuePath matching elements', [{ op: 'remove', path: 'emails[type eq "work"]' }], { emails: [{ value: 'b@home.com', type: 'home' }] }],
    [
      'remove valuePath sub-attribute',
      [{ op: 'remove', path: 'emails[type eq "home"].type' }],
      { emails: [{ value: 'b@work.com', type: 'work', primary: true }, { value: 'b@home.com' }] },
    ],
    ['remove valuePath without match is a no-op', [{ op: 'remove', path: 'emails[type eq "fax"]' }], { emails: base.emails as ScimObject[] }],
    [
      'remove with value list removes those values',
      [{ op: 'remove', path: 'emails', value: [{ value: 'b@home.com' }] }],
      { emails: [{ value: 'b@work.com', type: 'work', primary: true }] },
    ],
    [
      'attributes under an unknown extension URN are allowed',
      [{ op: 'add', path: 'urn:acme:ext:1.0:User:badge', value: '7' }],
      { 'urn:acme:ext:1.0:User': { badge: '7' } },
    ],
    // Okta's profile push: a path-less value naming a whole extension the server has no schema for.
    [
      'a path-less value keyed by an unknown extension URN writes into that extension',
      [
        { op: 'replace', value: { 'urn:acme:ext:1.0:User': { badge: '7', tier: 'gold' } } },
        { op: 'replace', value: { 'urn:acme:ext:1.0:User': { tier: 'silver' } } },
      ],
      { 'urn:acme:ext:1.0:User': { badge: '7', tier: 'silver' } },
    ],
    [
      'the whole unknown extension as a path',
      [{ op: 'add', path: 'urn:acme:ext:1.0:User', value: { badge: '8' } }],
      { 'urn:acme:ext:1.0:User': { badge: '8' } },
    ],
    ['case-insensitive path names', [{ op: 'replace', path: 'NAME.GIVENNAME', value: 'B' }], { name: { givenName: 'B', familyName: 'Jensen' } }],
    [
      'ops run in order (Entra preview: remove, add, replace on one attribute)',
      [
        { op: 'remove', path: 'title' },
        { op: 'add', path: 'title', value: 'A' },
        { op: 'replace', path: 'title', value: 'B' },
      ],
      { title: 'B' },
    ],
  ])('%s', (_, ops, expected) => {
    const out = run(ops);
    // Exact per attribute: toMatchObject would let extra sub-attributes slip through.
    for (const [key, value] of Object.entries(expected)) expect(out[key]).toEqual(value);
  });

  it.each<[string, unknown[], string]>([
    ['remove a single value', [{ op: 'remove', path: 'displayName' }], 'displayName'],
    ['remove multi-valued without filter removes all', [{ op: 'remove', path: 'emails' }], 'emails'],
    ['remove the last matching value drops the attribute', [{ op: 'remove', path: 'emails[value co "@"]' }], 'emails'],
    ['replace with null removes (Logic App null update)', [{ op: 'replace', path: 'preferredLanguage', value: null }], 'preferredLanguage'],
  ])('%s', (_, ops, gone) => {
    expect(run(ops)).not.toHaveProperty(gone);
  });

  it('is pure: the input resource is untouched, and a failing op leaves nothing half-applied', () => {
    const before = structuredClone(base);
    expect(() =>
      run([
        { op: 'replace', path: 'title', value: 'X' },
        { op: 'add', path: 'foo', value: 1 },
      ]),
    ).toThrow(ScimError);
    run([{ op: 'replace', path: 'emails', value: [] }]);
    expect(base).toEqual(before);
  });

  it('"" is stored as sent (Okta empty values, Logic App null update)', () => {
    expect(run([{ op: 'replace', path: 'title', value: '' }]).title).toBe('');
  });
});

describe('applyPatch: errors', () => {
  it.each<[string, unknown[], string]>([
    ['unknown core attribute', [{ op: 'add', path: 'foo', value: 'x' }], 'invalidPath'],
    ['unknown core attribute, URN-qualified', [{ op: 'add', path: `${USER_URN}:foo`, value: 'x' }], 'invalidPath'],
    ['unknown sub-attribute', [{ op: 'replace', path: 'name.nickname', value: 'x' }], 'invalidPath'],
    ['filter on a single-valued attribute', [{ op: 'replace', path: 'name[givenName eq "x"].familyName', value: 'x' }], 'invalidPath'],
    ['readOnly id', [{ op: 'replace', path: 'id', value: 'x' }], 'mutability'],
    ['readOnly meta.created', [{ op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }], 'mutability'],
    ['readOnly groups', [{ op: 'add', path: 'groups', value: [{ value: 'g' }] }], 'mutability'],
    ['no-match valuePath with a non-eq filter (RFC noTarget)', [{ op: 'replace', path: 'emails[value co "zzz"].type', value: 'x' }], 'noTarget'],
    ['path-less value not an object', [{ op: 'replace', value: 'x' }], 'invalidValue'],
    ['wrong type by path', [{ op: 'replace', path: 'active', value: 'maybe' }], 'invalidValue'],
    ['wrong type in a path-less value', [{ op: 'replace', value: { name: 'x' } }], 'invalidValue'],
    ['removing userName (re-normalised)', [{ op: 'remove', path: 'userName' }], 'invalidValue'],
    ['replacing userName with ""', [{ op: 'replace', path: 'userName', value: '' }], 'invalidValue'],
  ])('%s → 400 %s', (_, ops, scimType) => {
    let error: unknown;
    try {
      run(ops);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType });
  });
});
