// Filter AST → a SQL condition and its parameters, through the allow-list in ./attributes. The caller ANDs it with
// the directory. Semantics match ./evaluate: attribute names case-insensitive; case-insensitive attributes compared
// through their lower-cased columns; id, externalId, employeeNumber, manager and member ids case-exact; a
// multi-valued attribute (`emails`, `members`, `groups`) matches when any of its values does, except `ne`, which
// stays the negation of `eq` ("no email equals x").
//
// Two-valued logic: SQL makes `col = 'x'` UNKNOWN when col is NULL, and NOT UNKNOWN is still UNKNOWN, so a plain
// `NOT (title = 'x')` would drop users without a title, while SCIM says an absent value doesn't equal "x". So:
// - `ne` always matches NULL rows: `(c <> ? OR c IS NULL)`;
// - under a `not`, the other operators on a nullable operand carry `AND c IS NOT NULL`, which turns NULL into FALSE
//   (then NOT FALSE = TRUE); outside any `not`, UNKNOWN already acts as FALSE, so no guard is added;
// - `pr` and `eq null` are IS [NOT] NULL tests, and a related table's `IN (SELECT …)`, two-valued by nature.
import type { Dialect } from '../../db/dialect';
import type { SqlCondition, SqlValue } from '../../db/sql-program';
import { badRequest } from '../errors';
import type { AttrPath, CompValue, CompareOp, FilterNode } from './ast';
import { findAttr, notFilterable, resolveAttr, resolveRelated, resolveSub, show, type Operand, type Related, type ResourceAttrs } from './attributes';
import { compare, present, type OperandSql } from './comparison';

/** Parameters one filter may bind at most: a filter is a request's worth of conditions, not a data transfer. */
export const MAX_FILTER_PARAMS = 1000;

export interface FilterTarget {
  attrs: ResourceAttrs;
  /** The alias of the resource's table in the query (`u`, `g`). */
  alias: string;
  directoryId: string;
  dialect: Dialect;
  /**
   * An attribute the resource type does not have reads as absent (`pr` false, `eq` false, `ne` true) instead of
   * 400: a search over several resource types (POST /.search at the root), where each type lacks the others'.
   */
  unknownAsAbsent?: boolean;
}

interface Ctx extends FilterTarget {
  params: SqlValue[];
  underNot: boolean;
  /** Inside `emails[...]`: paths name the related row's sub-attributes, read from this alias. */
  related?: { related: Related; alias: string; name: string };
  /** How many related-table aliases are in use (r1, r2, …). */
  depth: { n: number };
}

export function filterToSql(node: FilterNode, target: FilterTarget): SqlCondition {
  const ctx: Ctx = { ...target, params: [], underNot: false, depth: { n: 0 } };
  const sql = compile(node, ctx);
  if (ctx.params.length > MAX_FILTER_PARAMS) throw badRequest('tooMany', `the filter compares more than ${MAX_FILTER_PARAMS} values; narrow it`);
  return { sql, params: ctx.params };
}

function compile(node: FilterNode, ctx: Ctx): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${chain(node, node.kind)
        .map((n) => compile(n, ctx))
        .join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `NOT (${compile(node.expr, { ...ctx, underNot: true })})`;
    case 'present':
      return leaf(node.path, 'pr', null, ctx);
    case 'compare':
      return leaf(node.path, node.op, node.value, ctx);
    case 'valuePath':
      return valuePath(node.path, node.filter, ctx);
  }
}

/**
 * `alias.id IN (SELECT key FROM related r WHERE r.directoryId = ? AND …)`: the rows the resource has in `related`;
 * for an array in `raw`, `EXISTS (SELECT 1 FROM <its elements> r WHERE …)`.
 */
function inRelated(ctx: Ctx, related: Related, body: (alias: string) => string | null, negate = false): string {
  const alias = `r${++ctx.depth.n}`;
  if ('json' in related.rows) {
    const cond = body(alias);
    const from = ctx.dialect.jsonEach(`${ctx.alias}."${related.rows.in ?? 'raw'}"`, related.rows.json, alias);
    return `${negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${from}${cond ? ` WHERE ${cond}` : ''})`;
  }
  const { table, key } = related.rows;
  ctx.params.push(ctx.directoryId);
  const scope = `${alias}."directoryId" = ?`;
  const cond = body(alias);
  const where = cond ? `${scope} AND ${cond}` : scope;
  return `${ctx.alias}."id" ${negate ? 'NOT IN' : 'IN'} (SELECT ${alias}."${key}" FROM "${table}" ${alias} WHERE ${where})`;
}

/** A comparison (or `pr`) on one attribute; on a related table, an IN over its rows. */
function leaf(path: AttrPath, op: CompareOp | 'pr', value: CompValue, ctx: Ctx): string {
  const name = show(path);
  if (ctx.related) return compare(operandSql(resolveSub(ctx.attrs, ctx.related.related, path, ctx.related.name), ctx.related.alias, ctx), op, value, name, ctx);
  const found = ctx.unknownAsAbsent ? findAttr(ctx.attrs, path) : resolveAttr(ctx.attrs, path);
  if (!found) return absentAttr(op, value);
  const { operand, related } = found;
  if (!related) return compare(operandSql(operand, ctx.alias, ctx), op, value, name, ctx);
  const inner: Ctx = { ...ctx, underNot: false };
  // `emails pr` means "has an email"; `emails.type pr` means "has an email with a type".
  const any = (alias: string) => (path.sub === undefined ? null : present(operandSql(operand, alias, inner)));
  if (op === 'pr' || (op === 'ne' && value === null)) return inRelated(ctx, related, any);
  if (op === 'eq' && value === null) return inRelated(ctx, related, any, true);
  // `ne` stays "not eq": `emails ne "x"` holds for a user with no email x, including one with no emails.
  if (op === 'ne') return inRelated(ctx, related, (a) => compare(operandSql(operand, a, inner), 'eq', value, name, inner), true);
  return inRelated(ctx, related, (a) => compare(operandSql(operand, a, inner), op, value, name, inner));
}

/** A comparison on an attribute the resource type does not have: only `ne` and `eq null` hold for an absent value. */
function absentAttr(op: CompareOp | 'pr', value: CompValue): string {
  const holds = op === 'ne' ? value !== null : op === 'eq' && value === null;
  return holds ? '1 = 1' : '1 = 0';
}

/** `attr[filter]`: a related table becomes an IN; a single-valued complex attribute (`name[givenName eq "x"]`)
 *  is the same as writing `name.givenName eq "x"`. */
function valuePath(path: AttrPath, filter: FilterNode, ctx: Ctx): string {
  if (ctx.related) throw badRequest('invalidFilter', 'value filters cannot be nested');
  const related = resolveRelated(ctx.attrs, path);
  if (related) {
    return inRelated(ctx, related, (alias) => compile(filter, { ...ctx, underNot: false, related: { related, alias, name: path.attr } }));
  }
  const prefix = show({ ...path, sub: undefined }).toLowerCase() + '.';
  if (![...ctx.attrs.index.keys()].some((k) => k.startsWith(prefix))) {
    if (ctx.unknownAsAbsent) return absentAttr('pr', null);
    throw notFilterable(ctx.attrs, path);
  }
  return compile(rebase(filter, path, ctx.attrs), ctx);
}

function rebase(node: FilterNode, outer: AttrPath, attrs: ResourceAttrs): FilterNode {
  const move = (p: AttrPath): AttrPath => {
    if (p.uri !== undefined || p.sub !== undefined) throw notFilterable(attrs, p);
    return { ...(outer.uri !== undefined ? { uri: outer.uri } : {}), attr: outer.attr, sub: p.attr };
  };
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, left: rebase(node.left, outer, attrs), right: rebase(node.right, outer, attrs) };
    case 'not':
      return { kind: 'not', expr: rebase(node.expr, outer, attrs) };
    case 'present':
      return { kind: 'present', path: move(node.path) };
    case 'compare':
      return { ...node, path: move(node.path) };
    case 'valuePath':
      throw badRequest('invalidFilter', 'value filters cannot be nested');
  }
}

/** The operands of a run of the same operator, left to right: `a and (b and c)` → [a, b, c]. Iterative. */
function chain(node: FilterNode, kind: 'and' | 'or'): FilterNode[] {
  const out: FilterNode[] = [];
  const stack: FilterNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === kind) stack.push(n.right, n.left);
    else out.push(n);
  }
  return out;
}

function operandSql(o: Operand, alias: string, ctx: Ctx): OperandSql {
  return { sql: operandExpr(o, alias, ctx.dialect), o };
}

/** The SQL value of an operand read from the table (or JSON array element) `alias`; no alias in an index's DDL. */
export function operandExpr(o: Operand, alias: string, dialect: Dialect): string {
  const of = (column: string) => (alias ? `${alias}."${column}"` : `"${column}"`);
  if ('column' in o.source) return of(o.source.column);
  const text = 'json' in o.source ? dialect.jsonText(of(o.source.in ?? 'raw'), o.source.json) : dialect.jsonElementText(alias, o.source.element);
  if (o.type === 'boolean') return dialect.jsonBoolean(text);
  if (o.type === 'number') return dialect.jsonNumber(text);
  if (o.type === 'dateTime') return dialect.jsonDateTime(text);
  return o.lower ? `lower(${text})` : text;
}
