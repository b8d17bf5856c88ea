// POST/PUT /Groups bodies (RFC 7644 §3.3, §3.5.1). Members become rows, so they are split off the resource.
import { checkMemberCount } from '../body-limits';
import { badRequest } from '../errors';
import type { ScimObject } from '../types';
import { parseMemberList, type MemberReference } from './member-reference';
import { normalizeResource } from './normalize-resource';
import { findKey, isScimObject } from './scim-json';

export interface NormalizedGroup {
  /** The canonical Group without `members`. */
  resource: ScimObject;
  /** De-duplicated by value, in the order sent. */
  members: MemberReference[];
}

export function normalizeGroup(body: unknown): NormalizedGroup {
  if (!isScimObject(body)) throw badRequest('invalidSyntax', 'The request body must be a JSON object (a SCIM Group)');
  const membersKey = findKey(body, 'members');
  const members = parseMemberList(membersKey === undefined ? undefined : body[membersKey], 'members');
  checkMemberCount(members.length);
  const rest = { ...body };
  if (membersKey !== undefined) delete rest[membersKey];
  const resource = normalizeResource('Group', rest);
  const displayName = resource.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    throw badRequest('invalidValue', 'displayName is required and must be a non-empty string');
  }
  return { resource, members };
}
