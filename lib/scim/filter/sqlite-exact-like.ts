// SQLite: Prisma puts a `co` / `ew` operand into LIKE without an ESCAPE clause, so `%` and `_` in the operand act as
// wildcards (lib/scim/filter/like.ts). For exactly those leaves, this asks SQLite itself, with a query that does say
// ESCAPE, which values of the column hold the operand literally, and replaces the leaf with `eq` alternatives over
// them: exact under and/or/not and inside a value filter (`emails[type eq "work" and value co "%"]`), where the
// values are compared on the same related row. One query per column, whatever the number of leaves on it; the whole
// filter's leaves may match SCIM_MAX_WILDCARD_MATCHES values in all, else 400 tooMany (RFC 7644 §3.4.2.2: too
// broad).
import type { Tx } from '../../db/client';
import { env } from '../../env';
import { badRequest } from '../errors';
import type { AttrPath, FilterNode } from './ast';
import { GROUP_ATTRS, USER_ATTRS, resolveAttr, resolveRelation, resolveSub, type Column, type Relation, type ResourceAttrs } from './attributes';

const OWN = { User: '"DirectoryUser"', Group: '"DirectoryGroup"' };
const RELATED: Record<string, string> = { emails: '"UserEmail"', members: '"GroupMembership"', memberships: '"GroupMembership"' };

type Leaf = Extract<FilterNode, { kind: 'compare' }>;

interface Wildcard {
  leaf: Leaf;
  table: string;
  column: Column;
  /** The operand as the column holds it. */
  operand: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const holds = (w: Wildcard, v: string) => (w.leaf.op === 'co' ? v.includes(w.operand) : v.endsWith(w.operand));

/** The co/ew leaves with a `%` or `_` in their operand, with the table and column each one reads. */
function wildcards(attrs: ResourceAttrs, kind: 'User' | 'Group', node: FilterNode, relation?: Relation): Wildcard[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...wildcards(attrs, kind, node.left, relation), ...wildcards(attrs, kind, node.right, relation)];
    case 'not':
      return wildcards(attrs, kind, node.expr, relation);
    case 'valuePath': {
      const inner = relation ? undefined : resolveRelation(attrs, node.path);
      // A single-valued complex attribute (`name[givenName co "%"]`) is rebased by the compiler; its leaves are
      // found there. Unknown paths are left for the compiler to refuse.
      return inner ? wildcards(attrs, kind, node.filter, inner) : [];
    }
    case 'compare': {
      if ((node.op !== 'co' && node.op !== 'ew') || typeof node.value !== 'string' || !/[%_]/.test(node.value)) return [];
      const at = where(attrs, kind, node.path, relation);
      if (!at || at.column.type !== 'string') return [];
      return [{ leaf: node, ...at, operand: at.column.lower ? node.value.toLowerCase() : node.value }];
    }
    default:
      return [];
  }
}

function where(attrs: ResourceAttrs, kind: 'User' | 'Group', path: AttrPath, relation?: Relation): { table: string; column: Column } | undefined {
  try {
    if (relation) return { table: RELATED[relation.relation], column: resolveSub(attrs, relation, path) };
    const r = resolveAttr(attrs, path);
    return { table: r.relation ? RELATED[r.relation.relation] : OWN[kind], column: r.column };
  } catch {
    return undefined; // not filterable: the compiler answers 400 invalidFilter
  }
}

/** `path eq v1 or path eq v2 …` as a balanced tree; no value: `path eq operand`, which no value can equal then. */
function anyOf(leaf: Leaf, values: string[]): FilterNode {
  const leaves: FilterNode[] = (values.length ? values : [leaf.value as string]).map((value) => ({ ...leaf, op: 'eq', value }));
  const build = (from: number, to: number): FilterNode =>
    to - from === 1 ? leaves[from] : { kind: 'or', left: build(from, (from + to) >> 1), right: build((from + to) >> 1, to) };
  return build(0, leaves.length);
}

function replace(node: FilterNode, found: Map<Leaf, FilterNode>): FilterNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { ...node, left: replace(node.left, found), right: replace(node.right, found) };
    case 'not':
      return { ...node, expr: replace(node.expr, found) };
    case 'valuePath':
      return { ...node, filter: replace(node.filter, found) };
    case 'compare':
      return found.get(node) ?? node;
    default:
      return node;
  }
}

export async function exactLikesForSqlite(db: Tx, directoryId: string, kind: 'User' | 'Group', node: FilterNode): Promise<FilterNode> {
  const list = wildcards(kind === 'User' ? USER_ATTRS : GROUP_ATTRS, kind, node);
  if (list.length === 0) return node;
  const budget = env().scim.maxWildcardMatches;
  const byColumn = new Map<string, Wildcard[]>();
  for (const w of list) {
    const key = `${w.table}."${w.column.column}"`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), w]);
  }
  const found = new Map<Leaf, FilterNode>();
  let matched = 0;
  for (const [col, ws] of byColumn) {
    const likes = ws.map(() => `${col} LIKE ? ESCAPE '\\'`).join(' OR ');
    const rows = await db.$queryRawUnsafe<{ v: string }[]>(
      `SELECT DISTINCT ${col} AS v FROM ${ws[0].table} WHERE "directoryId" = ? AND (${likes}) LIMIT ${budget + 1}`,
      directoryId,
      ...ws.map((w) => (w.leaf.op === 'co' ? `%${escapeLike(w.operand)}%` : `%${escapeLike(w.operand)}`)),
    );
    // Which leaf each value satisfies: a literal test here, on what SQLite matched literally. The budget counts what
    // the compiler is handed, every leaf's values: each is a parameter of one statement, and SQLite's are limited.
    for (const w of ws) {
      const values = rows.map((r) => r.v).filter((v) => holds(w, v));
      matched += values.length;
      if (rows.length > budget || matched > budget) {
        throw badRequest('tooMany', `The filter's co/ew operands holding % or _ match more than ${budget} values in all; narrow it (SCIM_MAX_WILDCARD_MATCHES)`);
      }
      found.set(w.leaf, anyOf(w.leaf, values));
    }
  }
  return replace(node, found);
}
