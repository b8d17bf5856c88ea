// One comparison on one column, as a Prisma `where` fragment. ./to-where combines these.
//
// Three-valued logic: SQL makes `col = 'x'` UNKNOWN when col is NULL, and NOT UNKNOWN is still UNKNOWN, so a
// plain `{NOT: {title: 'x'}}` would drop users without a title, while SCIM (and ./evaluate) says an absent
// value doesn't equal "x". So every fragment built here is two-valued where it matters:
// - `ne` always matches NULL rows: `{OR: [{c: {not: v}}, {c: null}]}`;
// - under a `not`, the other operators on a nullable column carry a `not: null` guard, which turns NULL into
//   FALSE (then NOT FALSE = TRUE). Outside any `not`, UNKNOWN already acts as FALSE, so no guard is added;
// - `pr` and `eq null` are IS [NOT] NULL tests, two-valued by nature.
import { badRequest } from '../errors';
import type { CompValue, CompareOp } from './ast';
import type { Column } from './attributes';
import { parseScimDate } from './dates';
import { likeFilter, type SqlDialect } from './like';

export type Where = Record<string, unknown>;

export interface LeafContext {
  dialect: SqlDialect;
  /** Below a `not` (and not reset by a relation's EXISTS): fragments must never be UNKNOWN. */
  underNot: boolean;
}

/** RFC 7644 `pr`: has a value, and a string value is not empty. */
export function columnPresent(col: Column): Where {
  if (col.type !== 'string') return col.nullable ? { [col.column]: { not: null } } : always(col);
  const notEmpty = { [col.column]: { not: '' } };
  return col.nullable ? { AND: [{ [col.column]: { not: null } }, notEmpty] } : notEmpty;
}

/** `eq null`, read as "not present" (the negation of `pr`). */
export function columnAbsent(col: Column): Where {
  if (col.type !== 'string') return col.nullable ? { [col.column]: null } : { NOT: always(col) };
  const empty = { [col.column]: '' };
  return col.nullable ? { OR: [{ [col.column]: null }, empty] } : empty;
}

const EPOCH = new Date(0);

/**
 * True for every row of a required Boolean/dateTime column (`active pr`), as a real comparison. Not `{}` or
 * `{OR: []}`: checked against both databases, Prisma 6.19 drops `{}` under NOT (`NOT {}` matched every row)
 * and drops `{OR: []}` inside AND and under a double NOT, so such constants would invert silently.
 */
function always(col: Column): Where {
  const c = col.column;
  if (col.type === 'boolean') return { OR: [{ [c]: true }, { [c]: false }] };
  return { OR: [{ [c]: { lt: EPOCH } }, { [c]: { gte: EPOCH } }] };
}

export function columnCompare(col: Column, op: CompareOp, value: CompValue, name: string, ctx: LeafContext): Where {
  if (value === null) {
    if (op === 'eq') return columnAbsent(col);
    if (op === 'ne') return columnPresent(col);
    throw invalid(`operator '${op}' on "${name}" needs a value, not null`);
  }
  if (col.type === 'boolean') return booleanCompare(col, op, value, name, ctx);
  if (col.type === 'dateTime') return dateCompare(col, op, value, name, ctx);
  // Numbers and booleans against a string attribute are read as their text (`employeeNumber eq 123`).
  const v = col.lower ? String(value).toLowerCase() : String(value);
  const c = col.column;
  switch (op) {
    case 'eq':
      return guarded(col, ctx, v);
    case 'ne':
      return col.nullable ? { OR: [{ [c]: { not: v } }, { [c]: null }] } : { [c]: { not: v } };
    case 'co':
    case 'sw':
    case 'ew':
      return guarded(col, ctx, likeFilter(op, v, ctx.dialect));
    case 'gt':
      return guarded(col, ctx, { gt: v });
    case 'ge':
      return guarded(col, ctx, { gte: v });
    case 'lt':
      return guarded(col, ctx, { lt: v });
    case 'le':
      return guarded(col, ctx, { lte: v });
  }
}

/** `{c: filter}`, plus `not: null` when a NULL must read as FALSE (see the top of this file). */
function guarded(col: Column, ctx: LeafContext, filter: string | boolean | Date | Where): Where {
  if (!(ctx.underNot && col.nullable)) return { [col.column]: filter };
  const fields = typeof filter === 'object' && !(filter instanceof Date) ? filter : { equals: filter };
  return { [col.column]: { ...fields, not: null } };
}

function booleanCompare(col: Column, op: CompareOp, value: CompValue, name: string, ctx: LeafContext): Where {
  // RFC 7644 §3.4.2.2: gt/ge/lt/le on a Boolean are invalidFilter; so are the substring operators.
  if (op !== 'eq' && op !== 'ne') throw invalid(`operator '${op}' is not allowed on the Boolean "${name}"; use eq or ne`);
  // Entra's default job writes booleans as "True"/"False", and may filter the same way.
  const b = typeof value === 'boolean' ? value : /^(true|false)$/i.test(String(value)) ? String(value).toLowerCase() === 'true' : null;
  if (b === null) throw invalid(`"${name}" is a Boolean; expected true or false, got ${JSON.stringify(value)}`);
  return op === 'eq' ? guarded(col, ctx, b) : { [col.column]: { not: b } };
}

function dateCompare(col: Column, op: CompareOp, value: CompValue, name: string, ctx: LeafContext): Where {
  if (op === 'co' || op === 'sw' || op === 'ew') {
    throw invalid(`operator '${op}' is not allowed on the dateTime "${name}"; use eq ne gt ge lt le`);
  }
  const t = typeof value === 'string' ? parseScimDate(value) : null;
  if (t === null) throw invalid(`"${name}" is a dateTime; ${JSON.stringify(value)} is not an ISO 8601 date`);
  const d = new Date(t);
  const c = col.column;
  switch (op) {
    case 'eq':
      return guarded(col, ctx, d);
    case 'ne':
      return col.nullable ? { OR: [{ [c]: { not: d } }, { [c]: null }] } : { [c]: { not: d } };
    case 'gt':
      return guarded(col, ctx, { gt: d });
    case 'ge':
      return guarded(col, ctx, { gte: d });
    case 'lt':
      return guarded(col, ctx, { lt: d });
    case 'le':
      return guarded(col, ctx, { lte: d });
  }
}

function invalid(detail: string) {
  return badRequest('invalidFilter', detail);
}
