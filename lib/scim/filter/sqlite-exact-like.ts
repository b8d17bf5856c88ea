// SQLite: Prisma puts a `co` / `ew` operand into LIKE without an ESCAPE clause, so `%` and `_` in the operand act as
// wildcards (lib/scim/filter/like.ts). For exactly those leaves, this asks SQLite itself with a query that does say
// ESCAPE, and replaces the leaf with the ids it matched (`id eq …` alternatives). More than MAX_IDS matches is
// 400 tooMany (RFC 7644 §3.4.2.2): the filter is too broad to answer this way.
import type { Tx } from '../../db/client';
import { badRequest } from '../errors';
import type { FilterNode } from './ast';
import { GROUP_ATTRS, USER_ATTRS, resolveAttr } from './attributes';

const MAX_IDS = 1000;

const OWN = { User: { table: '"DirectoryUser"', id: '"id"' }, Group: { table: '"DirectoryGroup"', id: '"id"' } };
const RELATED: Record<string, { table: string; id: string }> = {
  emails: { table: '"UserEmail"', id: '"userId"' },
  members: { table: '"GroupMembership"', id: '"groupId"' },
  memberships: { table: '"GroupMembership"', id: '"userId"' },
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function anyOf(ids: string[]): FilterNode {
  const leaves: FilterNode[] = (ids.length ? ids : ['']).map((id) => ({ kind: 'compare', path: { attr: 'id' }, op: 'eq', value: id }));
  // A balanced tree keeps the compiler's recursion shallow.
  const build = (from: number, to: number): FilterNode =>
    to - from === 1 ? leaves[from] : { kind: 'or', left: build(from, (from + to) >> 1), right: build((from + to) >> 1, to) };
  return build(0, leaves.length);
}

export async function exactLikesForSqlite(db: Tx, directoryId: string, kind: 'User' | 'Group', node: FilterNode): Promise<FilterNode> {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { ...node, left: await exactLikesForSqlite(db, directoryId, kind, node.left), right: await exactLikesForSqlite(db, directoryId, kind, node.right) };
    case 'not':
      return { ...node, expr: await exactLikesForSqlite(db, directoryId, kind, node.expr) };
    case 'compare': {
      if ((node.op !== 'co' && node.op !== 'ew') || typeof node.value !== 'string' || !/[%_]/.test(node.value)) return node;
      const { column, relation } = resolveAttr(kind === 'User' ? USER_ATTRS : GROUP_ATTRS, node.path);
      if (column.type !== 'string') return node;
      const operand = escapeLike(column.lower ? node.value.toLowerCase() : node.value);
      const where = relation ? RELATED[relation.relation] : OWN[kind];
      if (!where) return node;
      const rows = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT DISTINCT ${where.id} AS id FROM ${where.table} WHERE "directoryId" = ? AND "${column.column}" LIKE ? ESCAPE '\\' LIMIT ${MAX_IDS + 1}`,
        directoryId,
        node.op === 'co' ? `%${operand}%` : `%${operand}`,
      );
      if (rows.length > MAX_IDS) throw badRequest('tooMany', `the filter "${node.value}" matches more than ${MAX_IDS} resources; narrow it`);
      return anyOf(rows.map((r) => r.id));
    }
    default:
      return node;
  }
}
