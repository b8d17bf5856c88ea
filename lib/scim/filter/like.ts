// co / sw / ew as Prisma string filters, with the operand matched literally.
//
// Prisma compiles contains/startsWith/endsWith to `LIKE '%…%'` and does NOT escape the operand (prisma/prisma
// #19506, checked against real databases with this repo's client, Prisma 6.19): `co "a_b"` also matched "axb"
// and `co "0%"` matched "1000", on SQLite and on PostgreSQL alike. The two databases need different fixes:
// - PostgreSQL's LIKE has `\` as its default escape character, so `\`, `%` and `_` are escaped with it
//   (checked: `contains: 'a\\_b'` then matches only "a_b", and `contains: 'a\\\\b'` matches "a\b").
// - SQLite's LIKE has no escape character unless the SQL says ESCAPE, which Prisma never emits. `sw` becomes
//   an exact range on the column instead (SQLite compares TEXT bytewise, i.e. in code point order). `co` and `ew`
//   with `%` or `_` in the operand never reach this: sqlite-exact-like.ts replaces them with `eq` over the values
//   that hold the operand literally, asked of SQLite with ESCAPE.
export type SqlDialect = 'sqlite' | 'postgres';

export type LikeOp = 'co' | 'sw' | 'ew';

export type StringFilter = { contains: string } | { startsWith: string } | { endsWith: string } | { gte: string; lt?: string };

export function likeFilter(op: LikeOp, operand: string, dialect: SqlDialect): StringFilter {
  if (dialect === 'postgres') {
    const escaped = operand.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    return op === 'co' ? { contains: escaped } : op === 'sw' ? { startsWith: escaped } : { endsWith: escaped };
  }
  if (op === 'sw') {
    const upper = successor(operand);
    return upper === undefined ? { gte: operand } : { gte: operand, lt: upper };
  }
  return op === 'co' ? { contains: operand } : { endsWith: operand };
}

const MAX_CODE_POINT = 0x10ffff;

/**
 * The least string greater than every string starting with `prefix`, in code point order: `prefix` with its
 * last code point incremented (dropping trailing U+10FFFFs). undefined when there is none ('' or all U+10FFFF).
 * Every s with prefix <= s < successor(prefix) starts with prefix, so the range is exact.
 */
export function successor(prefix: string): string | undefined {
  const points = Array.from(prefix, (ch) => ch.codePointAt(0)!);
  while (points.length > 0) {
    const last = points.pop()!;
    if (last === MAX_CODE_POINT) continue;
    // Skip the surrogate block: lone surrogates don't exist in UTF-8, so U+D7FF is followed by U+E000.
    const next = last + 1 === 0xd800 ? 0xe000 : last + 1;
    return String.fromCodePoint(...points, next);
  }
  return undefined;
}
