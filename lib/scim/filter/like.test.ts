import { describe, it, expect } from 'vitest';
import { likeFilter, successor } from './like';
import { parseFilter } from './parse';
import { userFilterToWhere } from './to-where';

// Prisma leaves % and _ live in LIKE patterns (see ./like for what was checked on real databases).
describe('likeFilter on PostgreSQL: \\ % _ escaped with LIKE\'s default escape character', () => {
  it.each([
    ['co', 'a_b', { contains: 'a\\_b' }],
    ['co', '100%', { contains: '100\\%' }],
    ['sw', 'a\\b', { startsWith: 'a\\\\b' }],
    ['ew', '_%\\', { endsWith: '\\_\\%\\\\' }],
    ['co', 'plain', { contains: 'plain' }],
  ] as const)('%s %s', (op, operand, expected) => {
    expect(likeFilter(op, operand, 'postgres')).toEqual(expected);
  });
});

describe('likeFilter on SQLite', () => {
  it.each([
    ['sw', 'a_b', { gte: 'a_b', lt: 'a_c' }],
    ['sw', '100%', { gte: '100%', lt: '100&' }],
    ['sw', 'o', { gte: 'o', lt: 'p' }],
    ['sw', '', { gte: '' }],
    ['co', 'a_b', { contains: 'a_b' }],
    ['ew', '.com', { endsWith: '.com' }],
  ] as const)('%s %j', (op, operand, expected) => {
    expect(likeFilter(op, operand, 'sqlite')).toEqual(expected);
  });
});

describe('successor', () => {
  it.each([
    ['a', 'b'],
    ['az', 'a{'],
    ['a\u{10FFFF}', 'b'],
    ['\u{10FFFF}', undefined],
    ['', undefined],
    ['\uD7FF', '\uE000'],
    ['x\u{1F600}', 'x\u{1F601}'],
  ])('%j → %j', (prefix, expected) => {
    expect(successor(prefix)).toBe(expected);
  });
});

describe('userFilterToWhere picks the dialect', () => {
  it('escapes for PostgreSQL when told', () => {
    const node = parseFilter('emails co "first_last" and userName sw "O_"');
    expect(userFilterToWhere(node, { dialect: 'postgres' })).toEqual({
      emails: { some: { valueLower: { contains: 'first\\_last' } } },
      userNameLower: { startsWith: 'o\\_' },
    });
    expect(userFilterToWhere(node)).toEqual({
      emails: { some: { valueLower: { contains: 'first_last' } } },
      userNameLower: { gte: 'o_', lt: 'o`' },
    });
  });
});
