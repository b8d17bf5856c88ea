import type { HostUserExtension } from '../attributes/host-attrs';
import type { StoredMapping } from '../attributes/mapping-context';
import type { DirectoryScope } from '../events/event-types';
import type { RequestReads } from './request-reads';

/** What the core needs besides the request: the directory the token was checked against, and its first reads. */
export interface ScimContext extends DirectoryScope {
  /** `{PUBLIC_URL}/scim/v2/{directoryId}`, for meta.location and $ref. */
  baseUrl: string;
  /** The rows the request starts from (request-reads.ts). */
  reads: RequestReads;
  /** The host's user fields (read with the token check), or null when it declared none. */
  userExtension: HostUserExtension | null;
  /** This directory's mapping of the host's fields as stored (read with the token check), or null when it has none. */
  attributeMapping: StoredMapping | null;
}

export function scopeOf(ctx: ScimContext): DirectoryScope {
  return { hostId: ctx.hostId, organizationId: ctx.organizationId, directoryId: ctx.directoryId };
}
