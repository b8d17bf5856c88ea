// A request's filter, parsed, with values the databases can store (no NUL, no lone surrogate).
import { isSafeText } from '../../safe-text';
import { badRequest } from '../errors';
import type { FilterNode } from './ast';
import { parseFilter } from './parse';

export function parsedFilter(filter: string): FilterNode {
  const node = parseFilter(filter);
  if (!safeValues(node)) throw badRequest('invalidFilter', 'A filter value holds a NUL character or an unpaired UTF-16 surrogate');
  return node;
}

function safeValues(node: FilterNode): boolean {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'and' || n.kind === 'or') stack.push(n.left, n.right);
    else if (n.kind === 'not') stack.push(n.expr);
    else if (n.kind === 'valuePath') stack.push(n.filter);
    else if (n.kind === 'compare' && typeof n.value === 'string' && !isSafeText(n.value)) return false;
  }
  return true;
}
