// A group's columns (prisma/schema.base.prisma's DirectoryGroup) derived from a canonical SCIM Group without its
// members (members are rows: memberships.ts), and which SCIM attributes filter and sort on them.
import type { DirectoryGroupInsert } from '../../db/schema';
import { COMMON_BACKINGS, type ResourceBackings } from '../../scim/filter/attributes';
import { GROUP_URN, type ScimObject } from '../../scim/types';
import { assertIndexable } from '../indexable';

/** Every DirectoryGroup column a SCIM resource decides. */
export type GroupColumns = Omit<DirectoryGroupInsert, 'id' | 'directoryId' | 'version' | 'createdAt' | 'updatedAt' | 'syncCursor'>;

export function groupColumns(resource: ScimObject): GroupColumns {
  const displayName = String(resource.displayName);
  const externalId = typeof resource.externalId === 'string' ? resource.externalId : null;
  assertIndexable({ displayName, externalId });
  return { externalId, displayName, displayNameLower: displayName.toLowerCase(), raw: JSON.stringify(resource) };
}

export const GROUP_BACKINGS: ResourceBackings = {
  resource: 'Group',
  table: 'DirectoryGroup',
  coreUrn: GROUP_URN,
  core: {
    ...COMMON_BACKINGS,
    displayName: { column: 'displayNameLower', lower: true },
    // Member ids are user ids: case-exact (RFC 7643 §3.1).
    members: { table: 'GroupMembership', key: 'groupId', subs: { value: { column: 'userId' } }, defaultSub: 'value' },
  },
  extensions: {},
};
