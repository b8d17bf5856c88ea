// Filter AST → Prisma `where`, through the allow-list in ./attributes. The caller ANDs in `directoryId`.
// Semantics match ./evaluate: attribute names case-insensitive; userName/displayName/name/emails compared
// case-insensitively through their *Lower columns; id, externalId, employeeNumber, manager and member ids
// case-exact; a multi-valued attribute (`emails`, `members`) matches when any of its values does, except `ne`,
// which stays the negation of `eq` ("no email equals x"); absent values follow ./leaf-where's two-valued rules.
import type { Prisma } from '../../generated/sqlite/client';
import { badRequest } from '../errors';
import type { AttrPath, CompValue, CompareOp, FilterNode } from './ast';
import {
  GROUP_ATTRS,
  USER_ATTRS,
  notFilterable,
  resolveAttr,
  resolveRelation,
  resolveSub,
  show,
  type Relation,
  type ResourceAttrs,
} from './attributes';
import { columnCompare, columnPresent, type LeafContext, type Where } from './leaf-where';
import type { SqlDialect } from './like';

export { groupOrderBy, userOrderBy } from './order-by';
export type { SqlDialect } from './like';

export interface ToWhereOptions {
  /**
   * Which database runs the query: co/sw/ew need different LIKE handling on each (see ./like), so pass
   * `dialect()` from lib/db/client. Defaults to SQLite, the default database; the SQLite form on PostgreSQL
   * would leave `%`/`_` live and read `\` as an escape.
   */
  dialect?: SqlDialect;
}

export function userFilterToWhere(node: FilterNode, options: ToWhereOptions = {}): Prisma.DirectoryUserWhereInput {
  return compile(node, context(USER_ATTRS, options)) as Prisma.DirectoryUserWhereInput;
}

export function groupFilterToWhere(node: FilterNode, options: ToWhereOptions = {}): Prisma.DirectoryGroupWhereInput {
  return compile(node, context(GROUP_ATTRS, options)) as Prisma.DirectoryGroupWhereInput;
}

interface Context {
  attrs: ResourceAttrs;
  dialect: SqlDialect;
  underNot: boolean;
  /** Inside `emails[...]`: paths name the related row's sub-attributes. */
  relation?: Relation;
}

function context(attrs: ResourceAttrs, options: ToWhereOptions): Context {
  return { attrs, dialect: options.dialect ?? 'sqlite', underNot: false };
}

function compile(node: FilterNode, ctx: Context): Where {
  switch (node.kind) {
    case 'and':
      return and(chain(node, 'and').map((n) => compile(n, ctx)));
    case 'or':
      return { OR: chain(node, 'or').map((n) => compile(n, ctx)) };
    case 'not':
      return { NOT: compile(node.expr, { ...ctx, underNot: true }) };
    case 'present':
      return leaf(node.path, 'pr', null, ctx);
    case 'compare':
      return leaf(node.path, node.op, node.value, ctx);
    case 'valuePath':
      return valuePath(node.path, node.filter, ctx);
  }
}

/** A comparison (or `pr`) on one attribute; on a relation, wrapped in some/none, an EXISTS, so two-valued. */
function leaf(path: AttrPath, op: CompareOp | 'pr', value: CompValue, ctx: Context): Where {
  const name = show(path);
  const resolved = ctx.relation
    ? { column: resolveSub(ctx.attrs, ctx.relation, path), relation: undefined }
    : resolveAttr(ctx.attrs, path);
  const col = resolved.column;
  if (!resolved.relation) return op === 'pr' ? columnPresent(col) : columnCompare(col, op, value, name, ctx);
  const rel = resolved.relation.relation;
  const inner: LeafContext = { dialect: ctx.dialect, underNot: false };
  // `emails pr` means "has an email"; `emails.type pr` means "has an email with a type".
  const any = path.sub === undefined ? {} : columnPresent(col);
  if (op === 'pr' || (op === 'ne' && value === null)) return { [rel]: { some: any } };
  if (op === 'eq' && value === null) return { [rel]: { none: any } };
  // `ne` stays "not eq": `emails ne "x"` holds for a user with no email x, including one with no emails.
  if (op === 'ne') return { [rel]: { none: columnCompare(col, 'eq', value, name, inner) } };
  return { [rel]: { some: columnCompare(col, op, value, name, inner) } };
}

/** `attr[filter]`: a relation becomes `some`; a single-valued complex attribute (`name[givenName eq "x"]`)
 *  is the same as writing `name.givenName eq "x"`. */
function valuePath(path: AttrPath, filter: FilterNode, ctx: Context): Where {
  if (ctx.relation) throw badRequest('invalidFilter', 'value filters cannot be nested');
  const relation = resolveRelation(ctx.attrs, path);
  if (relation) return { [relation.relation]: { some: compile(filter, { ...ctx, relation, underNot: false }) } };
  const prefix = show({ ...path, sub: undefined }).toLowerCase() + '.';
  if (![...ctx.attrs.index.keys()].some((k) => k.startsWith(prefix))) throw notFilterable(ctx.attrs, path);
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

/** AND of fragments: one object when their keys don't collide (Prisma ANDs an object's keys), else `AND: []`. */
function and(parts: Where[]): Where {
  const merged: Where = {};
  for (const part of parts) {
    for (const key of Object.keys(part)) {
      if (key in merged) return { AND: parts };
      merged[key] = part[key];
    }
  }
  return merged;
}
