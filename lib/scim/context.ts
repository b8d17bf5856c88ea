import type { Db } from '../db/client';
import type { FoundUser, UserLookup } from '../directory/fast-queries';
import type { GroupWithRoles } from '../directory/group-sql';
import type { DirectoryScope } from '../events/event-types';

/** What the core needs besides the request: the database and the directory the token was checked against. */
export interface ScimContext extends DirectoryScope {
  db: Db;
  /** `{PUBLIC_URL}/scim/v2/{directoryId}`, for meta.location and $ref. */
  baseUrl: string;
  /** The user the request reads, fetched in the token check's query (see plannedUserRead). */
  prefetched?: { read: UserRead; found: FoundUser | null };
  /** The group a PATCH changes, fetched in the token check's query (see plannedGroupPatch). */
  prefetchedGroup?: { id: string; found: GroupWithRoles | null };
}

/** One user lookup of the hot path, and whether the answer shows the user's groups. */
export interface UserRead {
  by: UserLookup;
  withGroups: boolean;
}

export function sameRead(a: UserRead, b: UserRead): boolean {
  if (a.withGroups !== b.withGroups) return false;
  if ('id' in a.by) return 'id' in b.by && a.by.id === b.by.id;
  return 'userName' in b.by && a.by.userName === b.by.userName;
}

export function scopeOf(ctx: ScimContext): DirectoryScope {
  return { hostId: ctx.hostId, organizationId: ctx.organizationId, directoryId: ctx.directoryId };
}
