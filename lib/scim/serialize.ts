// Database rows → SCIM resources. The raw resource the IdP sent is echoed; id, meta and the readOnly `groups` /
// `members` come from the database.
import type { DirectoryGroupRow as GroupRow } from '../directory/groups/reads';
import type { MemberRef } from '../directory/memberships';
import type { UserResponseRow } from '../directory/users/reads';
import { etagOf } from './etag';
import { GROUP_URN, LIST_RESPONSE_URN, USER_URN, type ScimObject } from './types';

function meta(resourceType: 'User' | 'Group', row: { createdAt: Date; updatedAt: Date; version: number }, location: string) {
  return {
    resourceType,
    created: row.createdAt.toISOString(),
    lastModified: row.updatedAt.toISOString(),
    location,
    version: etagOf(row.version),
  };
}

/**
 * RFC 7643 §3: `schemas` lists the core schema and every extension the resource holds. What the IdP sent, plus an
 * extension object a PATCH added since (Okta's profile push sends a new namespace without touching `schemas`).
 */
function schemasOf(sent: ScimObject['schemas'], raw: ScimObject, core: string): string[] {
  const list = Array.isArray(sent) ? sent.filter((s): s is string => typeof s === 'string') : [core];
  const known = new Set(list.map((s) => s.toLowerCase()));
  for (const [key, value] of Object.entries(raw)) {
    if (/^urn:/i.test(key) && value !== null && typeof value === 'object' && !Array.isArray(value) && !known.has(key.toLowerCase())) list.push(key);
  }
  return list;
}

export function toScimUser(row: UserResponseRow, groups: { id: string; displayName: string }[], baseUrl: string): ScimObject {
  const { schemas, ...raw } = JSON.parse(row.raw) as ScimObject;
  return {
    schemas: schemasOf(schemas, raw, USER_URN),
    id: row.id,
    ...raw,
    groups: groups.map((g) => ({ value: g.id, $ref: `${baseUrl}/Groups/${g.id}`, display: g.displayName, type: 'direct' })),
    meta: meta('User', row, `${baseUrl}/Users/${row.id}`),
  };
}

/** A member as a SCIM Group's `members` shows it. */
export function scimMember(m: MemberRef, baseUrl: string): ScimObject {
  return { value: m.userId, $ref: `${baseUrl}/Users/${m.userId}`, type: 'User', ...(m.display ? { display: m.display } : {}) };
}

/** `members` undefined leaves the attribute out (excludedAttributes=members never reads them). */
export function toScimGroup(row: GroupRow, members: MemberRef[] | undefined, baseUrl: string): ScimObject {
  const { schemas, ...raw } = JSON.parse(row.raw) as ScimObject;
  return {
    schemas: schemasOf(schemas, raw, GROUP_URN),
    id: row.id,
    ...raw,
    ...(members ? { members: members.map((m) => scimMember(m, baseUrl)) } : {}),
    meta: meta('Group', row, `${baseUrl}/Groups/${row.id}`),
  };
}

export function listResponse(resources: ScimObject[], totalResults: number, startIndex: number): ScimObject {
  return {
    schemas: [LIST_RESPONSE_URN],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
