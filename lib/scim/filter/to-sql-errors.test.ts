import { describe, it, expect } from 'vitest';
import { sqlite } from '../../db/dialect';
import type { FilterNode } from './ast';
import { parseFilter } from './parse';
import { GROUP_ATTRS, USER_ATTRS } from './resource-attrs';
import { filterToSql, MAX_FILTER_PARAMS } from './to-sql';

const userFilterToWhere = (node: FilterNode) => filterToSql(node, { attrs: USER_ATTRS, alias: 'u', directoryId: 'dir_1', dialect: sqlite });
const groupFilterToWhere = (node: FilterNode) => filterToSql(node, { attrs: GROUP_ATTRS, alias: 'g', directoryId: 'dir_1', dialect: sqlite });

function detail(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    return (e as { detail: string }).detail;
  }
  throw new Error('expected a 400 invalidFilter');
}

// Parsed fine, refused by the allow-list or the attribute's type: 400 invalidFilter, never a table scan.
const userErrors: [string, string][] = [
  // Attributes no schema of this server defines, and what the schemas hold that a filter cannot compare
  ['nickname2 pr', 'attribute "nickname2" is not filterable; filterable: id, externalId, meta.created, meta.lastModified, userName'],
  ['schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"', 'attribute "schemas" is not filterable'],
  ['emails[type eq "work"] or ims[label eq "x"]', 'attribute "label" is not filterable inside User ims[...]; filterable: value, display, type, primary'],
  ['name eq "x"', '"name" is complex: filter on its sub-attributes, or test it with pr'],
  ['name.nickName eq "x"', 'attribute "name.nickName" is not filterable'],
  ['emails.display eq "x"', 'attribute "emails.display" is not filterable'],
  ['emails[display eq "x"]', 'attribute "display" is not filterable inside User emails[...]; filterable: value, type, primary'],
  ['name[nickName eq "x"]', 'attribute "name.nickName" is not filterable'],
  ['x509Certificates.value eq "x"', 'attribute "x509Certificates.value" is not filterable'],
  ['phoneNumbers[primary gt true]', 'operator \'gt\' is not allowed on the Boolean "primary"'],
  ['urn:example:ext:2.0:User:userName eq "x"', 'is not filterable'],
  ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq "x"', 'is not filterable'],
  // A write-only value is never filterable: a filter would probe what was sent.
  ['password eq "x"', 'attribute "password" is not filterable'],
  ['password pr', 'attribute "password" is not filterable'],
  // Booleans: only eq/ne, only Boolean-looking operands (RFC 7644 §3.4.2.2)
  ['active gt true', 'operator \'gt\' is not allowed on the Boolean "active"'],
  ['active le false', "operator 'le' is not allowed"],
  ['active co "t"', "operator 'co' is not allowed"],
  ['active eq "yes"', '"active" is a Boolean; expected true or false, got "yes"'],
  ['active eq 1', 'expected true or false, got 1'],
  ['emails[primary gt true]', 'operator \'gt\' is not allowed on the Boolean "primary"'],
  // dateTimes: an ISO 8601 operand, ordering operators only
  ['meta.created gt "yesterday"', '"meta.created" is a dateTime; "yesterday" is not an ISO 8601 date'],
  ['meta.lastModified gt "2011-13-01"', 'is not an ISO 8601 date'],
  ['meta.lastModified gt 1700000000', 'is not an ISO 8601 date'],
  ['meta.created co "2011"', "operator 'co' is not allowed on the dateTime"],
  // null only with eq/ne
  ['userName gt null', 'operator \'gt\' on "userName" needs a value, not null'],
  ['emails co null', 'operator \'co\' on "emails" needs a value, not null'],
];

describe('filterToSql (users): refusals', () => {
  it.each(userErrors)('%s', (filter, message) => {
    expect(detail(() => userFilterToWhere(parseFilter(filter)))).toContain(message);
  });

  it('refuses a valuePath nested in a valuePath (only reachable by building the AST by hand)', () => {
    const inner: FilterNode = { kind: 'valuePath', path: { attr: 'x' }, filter: { kind: 'present', path: { attr: 'y' } } };
    const node: FilterNode = { kind: 'valuePath', path: { attr: 'emails' }, filter: inner };
    expect(detail(() => userFilterToWhere(node))).toContain('cannot be nested');
    const complex: FilterNode = { kind: 'valuePath', path: { attr: 'name' }, filter: inner };
    expect(detail(() => userFilterToWhere(complex))).toContain('cannot be nested');
  });

  it('lists every filterable attribute in the message: the columns first, then what `raw` answers', () => {
    const message = detail(() => userFilterToWhere(parseFilter('foo eq "x"')));
    expect(message).toContain(
      'attribute "foo" is not filterable; filterable: id, externalId, meta.created, meta.lastModified, userName, displayName, ' +
        'name.givenName, name.familyName, title, active, emails, groups, ' +
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber, ' +
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager, ' +
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value, name, name.formatted, ',
    );
    for (const name of [
      'nickName',
      'userType',
      'phoneNumbers',
      'addresses',
      'entitlements',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
    ]) {
      expect(message.split(', ')).toContain(name);
    }
    expect(message).not.toContain('password');
  });
});

describe('filterToSql (groups): refusals', () => {
  it.each([
    ['userName eq "x"', 'attribute "userName" is not filterable; filterable: id, externalId, meta.created, meta.lastModified, displayName, members'],
    ['members.display eq "x"', 'attribute "members.display" is not filterable'],
    ['members[display eq "x"]', 'not filterable inside Group members[...]; filterable: value'],
    ['urn:ietf:params:scim:schemas:core:2.0:User:displayName eq "x"', 'is not filterable'],
    ['manager eq "x"', 'attribute "manager" is not filterable'],
  ])('%s', (filter, message) => {
    expect(detail(() => groupFilterToWhere(parseFilter(filter)))).toContain(message);
  });
});

describe('deep and long filters compile without recursion trouble', () => {
  it('turns a 100-term and-chain (the most SCIM_MAX_FILTER_LEAVES allows) into one flat AND', () => {
    const filter = Array.from({ length: 100 }, () => 'id pr').join(' and ');
    const where = userFilterToWhere(parseFilter(filter));
    expect(where.sql).toBe(`(${Array.from({ length: 100 }, () => `u."id" <> ''`).join(' AND ')})`);
  });

  it('compiles 50 nested nots', () => {
    const filter = 'not ('.repeat(50) + 'userName eq "x"' + ')'.repeat(50);
    expect(userFilterToWhere(parseFilter(filter))).toEqual({ sql: `${'NOT ('.repeat(50)}u."userNameLower" = ?${')'.repeat(50)}`, params: ['x'] });
  });

  // The parser's size bound keeps real filters far below this; the compiler holds its own.
  it(`binds at most ${MAX_FILTER_PARAMS} parameters: 400 tooMany beyond`, () => {
    const terms = (n: number): FilterNode =>
      Array.from({ length: n }, (_, i): FilterNode => ({ kind: 'compare', path: { attr: 'externalId' }, op: 'eq', value: `e${i}` })).reduce((left, right) => ({
        kind: 'or',
        left,
        right,
      }));
    expect(userFilterToWhere(terms(MAX_FILTER_PARAMS)).params).toHaveLength(MAX_FILTER_PARAMS);
    expect(() => userFilterToWhere(terms(MAX_FILTER_PARAMS + 1))).toThrow(expect.objectContaining({ status: 400, scimType: 'tooMany' }));
  });
});
