// One operand compared with a filter's value, as SQL: `pr`, `eq null`, the operators, and the value typed for the
// operand (400 invalidFilter when its type does not take the operator or the value). Two-valued logic as the top of
// ./to-sql says: `ne` matches NULL rows, and under a `not` a nullable operand's comparison carries IS NOT NULL.
import { escapeLike, LIKE_ESCAPE } from '../../db/dialect';
import type { SqlValue } from '../../db/sql-program';
import { badRequest } from '../errors';
import type { CompValue, CompareOp } from './ast';
import type { Operand } from './attributes';
import { parseScimDate } from './dates';

/** An operand's SQL value (./to-sql operandExpr) with what its type allows. */
export interface OperandSql {
  sql: string;
  o: Operand;
}

/** Where a comparison binds its values, and whether it sits under a `not`. */
interface CompareCtx {
  params: SqlValue[];
  underNot: boolean;
}

/** RFC 7644 `pr`: has a value, and a string value is not empty. */
export function present({ sql, o }: OperandSql): string {
  if (o.type !== 'string') return o.nullable ? `${sql} IS NOT NULL` : '1 = 1';
  return o.nullable ? `(${sql} IS NOT NULL AND ${sql} <> '')` : `${sql} <> ''`;
}

/** `eq null`, read as "not present" (the negation of `pr`). */
function absent({ sql, o }: OperandSql): string {
  if (o.type !== 'string') return o.nullable ? `${sql} IS NULL` : '1 = 0';
  return o.nullable ? `(${sql} IS NULL OR ${sql} = '')` : `${sql} = ''`;
}

const SQL_OPS: Record<Exclude<CompareOp, 'co' | 'sw' | 'ew'>, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };

export function compare(x: OperandSql, op: CompareOp | 'pr', value: CompValue, name: string, ctx: CompareCtx): string {
  if (op === 'pr') return present(x);
  if (value === null) {
    if (op === 'eq') return absent(x);
    if (op === 'ne') return present(x);
    throw invalid(`operator '${op}' on "${name}" needs a value, not null`);
  }
  const v = typed(x.o, op, value, name);
  const bind = (p: SqlValue) => (ctx.params.push(p), '?');
  if (op === 'ne') return x.o.nullable ? `(${x.sql} <> ${bind(v)} OR ${x.sql} IS NULL)` : `${x.sql} <> ${bind(v)}`;
  const cond =
    op === 'co' || op === 'sw' || op === 'ew'
      ? `${x.sql} LIKE ${bind(`${op === 'sw' ? '' : '%'}${escapeLike(String(v))}${op === 'ew' ? '' : '%'}`)} ${LIKE_ESCAPE}`
      : `${x.sql} ${SQL_OPS[op]} ${bind(v)}`;
  // Under a `not`, NULL must read as FALSE (see the top of ./to-sql).
  return ctx.underNot && x.o.nullable ? `(${cond} AND ${x.sql} IS NOT NULL)` : cond;
}

/** The operand as the column holds it, or 400 invalidFilter for an operator or value its type does not take. */
function typed(o: Operand, op: CompareOp, value: Exclude<CompValue, null>, name: string): SqlValue {
  if (o.type === 'complex') throw invalid(`"${name}" is complex: filter on its sub-attributes, or test it with pr`);
  if (o.type === 'boolean') {
    // RFC 7644 §3.4.2.2: gt/ge/lt/le on a Boolean are invalidFilter; so are the substring operators.
    if (op !== 'eq' && op !== 'ne') throw invalid(`operator '${op}' is not allowed on the Boolean "${name}"; use eq or ne`);
    // Entra's default job writes booleans as "True"/"False", and may filter the same way.
    if (typeof value === 'boolean') return value;
    if (/^(true|false)$/i.test(String(value))) return String(value).toLowerCase() === 'true';
    throw invalid(`"${name}" is a Boolean; expected true or false, got ${JSON.stringify(value)}`);
  }
  if (o.type === 'dateTime') {
    if (op === 'co' || op === 'sw' || op === 'ew') throw invalid(`operator '${op}' is not allowed on the dateTime "${name}"; use eq ne gt ge lt le`);
    const t = typeof value === 'string' ? parseScimDate(value) : null;
    if (t === null) throw invalid(`"${name}" is a dateTime; ${JSON.stringify(value)} is not an ISO 8601 date`);
    // A dateTime in `raw` is kept as toISOString's text, which orders like the instant.
    return 'column' in o.source ? new Date(t) : new Date(t).toISOString();
  }
  if (o.type === 'number') {
    if (op === 'co' || op === 'sw' || op === 'ew') throw invalid(`operator '${op}' is not allowed on the number "${name}"; use eq ne gt ge lt le`);
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw invalid(`"${name}" is a number; got ${JSON.stringify(value)}`);
    return n;
  }
  // Numbers and booleans against a string attribute are read as their text (`employeeNumber eq 123`).
  return o.lower ? String(value).toLowerCase() : String(value);
}

function invalid(detail: string) {
  return badRequest('invalidFilter', detail);
}
