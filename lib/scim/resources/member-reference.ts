// One element of a Group's `members`, as POST/PUT bodies and PATCH values carry it.
import { badRequest } from '../errors';
import type { ScimValue } from '../types';
import { getValue, isScimObject } from './scim-json';

export interface MemberReference {
  value: string;
  display?: string;
}

/**
 * Accepts `{value, display, $ref, type}` with any key casing, `$ref: null` (Entra), `displayName` instead of
 * `display` (Microsoft's reference suite, which later looks for that text), and a bare id string (same suite:
 * `"value": "string id 1"`).
 */
function parseMemberReference(element: ScimValue, label: string): MemberReference {
  if (typeof element === 'string' && element.trim() !== '') return { value: element };
  if (!isScimObject(element)) throw badRequest('invalidValue', `${label} must be an object with a "value"`);
  const value = getValue(element, 'value');
  if (typeof value !== 'string' || value.trim() === '') {
    throw badRequest('invalidValue', `${label}.value must be a non-empty string`);
  }
  const display = getValue(element, 'display') ?? getValue(element, 'displayName');
  return typeof display === 'string' ? { value, display } : { value };
}

/** A list of member references (a single element is treated as a list), de-duplicated by value. */
export function parseMemberList(raw: ScimValue | undefined, label: string): MemberReference[] {
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  const byValue = new Map<string, MemberReference>();
  items.forEach((item, i) => {
    if (item === null) return;
    const member = parseMemberReference(item, `${label}[${i}]`);
    const seen = byValue.get(member.value);
    // First occurrence wins, but a later duplicate may supply the display name the first lacked.
    if (!seen) byValue.set(member.value, member);
    else if (seen.display === undefined && member.display !== undefined) seen.display = member.display;
  });
  return [...byValue.values()];
}
