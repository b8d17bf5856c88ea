// Which filters an index answers, so a list read can stay on the request's own read path; every other filter may
// scan the directory and runs as a scan (lib/db/scan-gate.ts). Kept deliberately narrow: an `eq` on a column whose
// index starts with the directory. A unique one (`id`, `userName`, a group's `displayName`) bounds the read to one
// row whatever it is `and`ed with (Entra's `id eq X and manager eq Y`); any other indexed one (`externalId`,
// `emails.value`, Entra's `emails[type eq "work"].value eq`) only alone, so a hundred of them can't multiply its cost.
import type { FilterNode } from './ast';
import { findAttr, type Operand, type ResourceAttrs } from './attributes';

/** Columns whose (directoryId, column) index, or primary key, makes a value one row: prisma/schema.base.prisma. */
export const UNIQUE_KEYS = new Set(['DirectoryUser.id', 'DirectoryUser.userNameLower', 'DirectoryGroup.id', 'DirectoryGroup.displayNameLower']);

/** Columns with a (directoryId, column) index: the rows of a value are read from it. */
export const INDEXED_KEYS = new Set([
  ...UNIQUE_KEYS,
  'DirectoryUser.externalId',
  'DirectoryUser.displayNameLower',
  'DirectoryUser.familyNameLower',
  'DirectoryUser.titleLower',
  'UserEmail.valueLower',
  'DirectoryGroup.externalId',
]);

const TABLE = { User: 'DirectoryUser', Group: 'DirectoryGroup' } as const;

/** `table.column` of an operand read from a column, else null (a path in JSON has no index here). */
const keyOf = (table: string, o: Operand) => ('column' in o.source ? `${table}.${o.source.column}` : null);

function conjuncts(node: FilterNode): FilterNode[] {
  const out: FilterNode[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'and') stack.push(n.right, n.left);
    else out.push(n);
  }
  return out;
}

/** The indexed column an `eq "value"` conjunct reads, or null. */
function equalityKey(node: FilterNode, attrs: ResourceAttrs): string | null {
  if (node.kind === 'compare') {
    if (node.op !== 'eq' || node.value === null) return null;
    const found = findAttr(attrs, node.path);
    if (!found) return null;
    const table = found.related ? ('table' in found.related.rows ? found.related.rows.table : null) : TABLE[attrs.resource];
    return table && keyOf(table, found.operand);
  }
  // `emails[type eq "work" and value eq "x"]`: the related rows of one indexed value.
  if (node.kind === 'valuePath') {
    const related = findAttr(attrs, { ...node.path, sub: undefined });
    if (!related?.related || !('table' in related.related.rows)) return null;
    const { table } = related.related.rows;
    for (const inner of conjuncts(node.filter)) {
      if (inner.kind !== 'compare' || inner.op !== 'eq' || inner.value === null) continue;
      const sub = related.related.subs[inner.path.attr.toLowerCase()];
      const key = sub && !inner.path.sub && !inner.path.uri ? keyOf(table, sub) : null;
      if (key && INDEXED_KEYS.has(key)) return key;
    }
  }
  return null;
}

/**
 * How an index bounds the rows `filter` reads: to one (`unique`), to those of one value (`indexed`), or not at all
 * (null: the read may scan the directory). See the top of this file.
 */
export function indexBound(filter: FilterNode, attrs: ResourceAttrs): 'unique' | 'indexed' | null {
  const all = conjuncts(filter);
  const keys = all.map((n) => equalityKey(n, attrs));
  if (keys.some((k) => k !== null && UNIQUE_KEYS.has(k))) return 'unique';
  return all.length === 1 && keys[0] !== null && INDEXED_KEYS.has(keys[0]) ? 'indexed' : null;
}
