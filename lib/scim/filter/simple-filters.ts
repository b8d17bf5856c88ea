// Recognises the match queries IdPs send before every write — `userName eq "x"` (Okta, Entra) and
// `displayName eq "x"` on /Groups (both, before each group push) — so they can be read with the token check.
import { USER_URN, GROUP_URN } from '../types';
import type { FilterNode } from './ast';
import { parseFilter } from './parse';

const NAMES = {
  userName: new Set(['username', `${USER_URN.toLowerCase()}:username`]),
  displayName: new Set(['displayname', `${GROUP_URN.toLowerCase()}:displayname`]),
};
/** A cheap first look, so other filters are not parsed here. */
const LOOKS_LIKE = {
  userName: /^\s*(urn:ietf:params:scim:schemas:core:2\.0:\w+:)?userName\s+eq\s+"/i,
  displayName: /^\s*(urn:ietf:params:scim:schemas:core:2\.0:\w+:)?displayName\s+eq\s+"/i,
};

/** The value of a filter that is exactly `<attr> eq "<string>"` (attr: userName or displayName), else null. */
export function simpleEquality(filter: string, attr: keyof typeof NAMES): string | null {
  if (!LOOKS_LIKE[attr].test(filter)) return null;
  let node: FilterNode;
  try {
    node = parseFilter(filter);
  } catch {
    return null;
  }
  if (node.kind !== 'compare' || node.op !== 'eq' || typeof node.value !== 'string' || node.path.sub !== undefined) return null;
  const name = `${node.path.uri ? `${node.path.uri}:` : ''}${node.path.attr}`.toLowerCase();
  return NAMES[attr].has(name) && !node.value.includes('\u0000') && node.value.isWellFormed() ? node.value : null;
}
