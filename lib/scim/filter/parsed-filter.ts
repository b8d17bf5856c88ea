// A request's filter, parsed and made exact for the database at hand.
import { dialect } from '../../db/client';
import type { ScimContext } from '../context';
import type { FilterNode } from './ast';
import { isSafeText } from '../../safe-text';
import { badRequest } from '../errors';
import { parseFilter } from './parse';
import { exactLikesForSqlite } from './sqlite-exact-like';

export async function parsedFilter(ctx: ScimContext, filter: string, kind: 'User' | 'Group'): Promise<FilterNode> {
  const node = parseFilter(filter);
  if (!safeValues(node)) throw badRequest('invalidFilter', 'A filter value holds a NUL character or an unpaired UTF-16 surrogate');
  return dialect() === 'sqlite' ? exactLikesForSqlite(ctx.db, ctx.directoryId, kind, node) : node;
}

function safeValues(node: FilterNode): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return safeValues(node.left) && safeValues(node.right);
    case 'not':
      return safeValues(node.expr);
    case 'valuePath':
      return safeValues(node.filter);
    case 'compare':
      return typeof node.value !== 'string' || isSafeText(node.value);
    default:
      return true;
  }
}
