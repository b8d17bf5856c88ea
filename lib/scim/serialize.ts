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

export function toScimUser(row: UserResponseRow, groups: { id: string; displayName: string }[], baseUrl: string): ScimObject {
  const { schemas, ...raw } = JSON.parse(row.raw) as ScimObject;
  return {
    schemas: Array.isArray(schemas) ? schemas : [USER_URN],
    id: row.id,
    ...raw,
    groups: groups.map((g) => ({ value: g.id, $ref: `${baseUrl}/Groups/${g.id}`, display: g.displayName, type: 'direct' })),
    meta: meta('User', row, `${baseUrl}/Users/${row.id}`),
  };
}

/** `members` undefined leaves the attribute out (excludedAttributes=members never reads them). */
export function toScimGroup(row: GroupRow, members: MemberRef[] | undefined, baseUrl: string): ScimObject {
  const { schemas, ...raw } = JSON.parse(row.raw) as ScimObject;
  return {
    schemas: Array.isArray(schemas) ? schemas : [GROUP_URN],
    id: row.id,
    ...raw,
    ...(members
      ? {
          members: members.map((m) => ({
            value: m.userId,
            $ref: `${baseUrl}/Users/${m.userId}`,
            type: 'User',
            ...(m.display ? { display: m.display } : {}),
          })),
        }
      : {}),
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
