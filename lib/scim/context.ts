import type { Db } from '../db/client';
import type { DirectoryScope } from '../events/event-types';

/** What the core needs besides the request: the database and the directory the token was checked against. */
export interface ScimContext extends DirectoryScope {
  db: Db;
  /** `{PUBLIC_URL}/scim/v2/{directoryId}`, for meta.location and $ref. */
  baseUrl: string;
}

export function scopeOf(ctx: ScimContext): DirectoryScope {
  return { hostId: ctx.hostId, organizationId: ctx.organizationId, directoryId: ctx.directoryId };
}
