// Recognises the one filter IdPs send on every match — `userName eq "x"` — so it can take an indexed fast path.
import type { FilterNode } from './ast';
import { parseFilter } from './parse';

const USER_NAME = new Set(['username', 'urn:ietf:params:scim:schemas:core:2.0:user:username']);

/** The userName of a filter that is exactly `userName eq "<string>"`, else null (the general path handles it). */
export function userNameEquality(filter: string): string | null {
  if (!/^\s*(urn:ietf:params:scim:schemas:core:2\.0:User:)?userName\s+eq\s+"/i.test(filter)) return null;
  let node: FilterNode;
  try {
    node = parseFilter(filter);
  } catch {
    return null;
  }
  if (node.kind !== 'compare' || node.op !== 'eq' || typeof node.value !== 'string' || node.path.sub !== undefined) return null;
  const name = `${node.path.uri ? `${node.path.uri}:` : ''}${node.path.attr}`.toLowerCase();
  return USER_NAME.has(name) && !node.value.includes('\u0000') && node.value.isWellFormed() ? node.value : null;
}
