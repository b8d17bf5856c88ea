import { describe, it, expect } from 'vitest';
import type { ScimValue } from '../types';
import { matchesFilter } from './evaluate';
import { parseFilter } from './parse';

const work: ScimValue = { type: 'work', value: 'Bob@Example.com', primary: true, display: 'Bob' };
const home: ScimValue = { Type: 'Home', Value: 'bob@home.org', primary: 'False' };
const untyped: ScimValue = { value: 'x@y.z', type: null, display: '' };
const member: ScimValue = { value: 'usr_AbC123', display: 'new User', $ref: null };
const dated: ScimValue = { value: 'v', created: '2015-10-10T14:38:21.8617979-07:00', n: 7, tags: ['a', 'B'] };

// [filter (valFilter inside brackets), element, expected]
const cases: [string, ScimValue, boolean][] = [
  // Entra/Okta PATCH valuePaths (idp-behaviour.md §1.4, §2.1, §2.2)
  ['type eq "work"', work, true],
  ['type eq "work"', home, false],
  ['type eq "Work"', work, true],
  ['type eq "home"', home, true], // names match case-insensitively: `Type`
  ['value eq "bob@example.com"', work, true],
  ['Value eq "BOB@HOME.ORG"', home, true],
  ['value eq "usr_AbC123"', member, true],
  ['type eq "work" and value co "@example.com"', work, true],
  ['type eq "work" and value co "@foo.com"', work, false],
  ['type eq "xmpp" or value ew ".ORG"', home, true],
  ['value sw "bob@"', work, true],
  ['value co "nope"', work, false],
  // booleans, including Entra's "True"/"False" strings on either side
  ['primary eq true', work, true],
  ['primary eq "True"', work, true],
  ['primary eq false', home, true],
  ['primary ne true', home, true],
  ['primary eq true', home, false],
  ['primary eq true', untyped, false],
  // absent, null and "" values: two-valued, so not(...) of a miss is a match
  ['type eq "work"', untyped, false],
  ['not (type eq "work")', untyped, true],
  ['type ne "work"', untyped, true],
  ['type eq null', untyped, true],
  ['type ne null', untyped, false],
  ['type pr', untyped, false],
  ['display pr', untyped, false],
  ['display eq null', untyped, true],
  ['display pr', work, true],
  ['missing eq "x"', work, false],
  ['missing ne "x"', work, true],
  ['missing gt "a"', work, false],
  ['not (missing pr)', work, true],
  ['$ref pr', member, false],
  // ordering: strings lexical (case-insensitive), numbers numeric, dates chronological
  ['value gt "bob@a"', work, true],
  ['value lt "BOB@F"', work, true],
  ['n gt 6', dated, true],
  ['n le 6', dated, false],
  ['created gt "2015-10-10T21:38:21Z"', dated, true],
  ['created lt 2015-10-10T21:38:22Z', dated, true],
  ['created eq "2015-10-10T21:38:21.861Z"', dated, true],
  ['created ge "2016-01-01"', dated, false],
  // multi-valued inside an element: any value matches; ne is "no value equals"
  ['tags eq "b"', dated, true],
  ['tags ne "a"', dated, false],
  ['tags ne "c"', dated, true],
  // nested logic and precedence
  ['not (type eq "home") and (value co "example" or primary eq false)', work, true],
  ['type eq "home" or type eq "work" and primary eq false', work, false],
];

describe('matchesFilter', () => {
  it.each(cases)('%s on %j → %s', (filter, element, expected) => {
    expect(matchesFilter(element, parseFilter(filter))).toBe(expected);
  });
});

describe('matchesFilter: case-exact attributes', () => {
  // Member values are resource ids, which are case-exact (RFC 7643 §3.1).
  const exact = new Set(['value']);
  it.each([
    ['value eq "usr_AbC123"', true],
    ['value eq "USR_ABC123"', false],
    ['value co "AbC"', true],
    ['value co "abc"', false],
    ['display eq "NEW USER"', true], // only `value` is case-exact
  ] as const)('%s → %s', (filter, expected) => {
    expect(matchesFilter(member, parseFilter(filter), exact)).toBe(expected);
  });

  it('is case-insensitive without the set', () => {
    expect(matchesFilter(member, parseFilter('value eq "USR_ABC123"'))).toBe(true);
  });
});

describe('matchesFilter: other element shapes', () => {
  it('reads a primitive element as {value: element} (Entra sends bare member ids)', () => {
    expect(matchesFilter('string id 1', parseFilter('value eq "string id 1"'))).toBe(true);
    expect(matchesFilter('string id 1', parseFilter('value eq "other"'))).toBe(false);
  });

  it('compares a complex attribute by its value sub-attribute', () => {
    expect(matchesFilter({ manager: { value: 'usr_2' } }, parseFilter('manager eq "usr_2"'))).toBe(true);
  });

  it('evaluates sub-attribute paths and valuePaths inside the element', () => {
    const el: ScimValue = { name: { givenName: 'Bob' }, emails: [{ type: 'work', value: 'a@b' }] };
    expect(matchesFilter(el, parseFilter('name.givenName eq "bob"'))).toBe(true);
    expect(matchesFilter(el, parseFilter('emails.value eq "a@b"'))).toBe(true);
    expect(matchesFilter(el, parseFilter('emails[type eq "work"]'))).toBe(true);
    expect(matchesFilter(el, parseFilter('emails[type eq "home"]'))).toBe(false);
  });
});

describe('matchesFilter: invalid comparisons are 400 invalidFilter', () => {
  it.each(['primary gt true', 'primary co false', 'value gt null', 'value co null'])('%s', (filter) => {
    expect(() => matchesFilter(work, parseFilter(filter))).toThrow(expect.objectContaining({ status: 400, scimType: 'invalidFilter' }));
  });
});
