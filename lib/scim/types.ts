// Shapes shared by the framework-free SCIM core.

/** A JSON object as SCIM resources and request bodies carry it. */
export type ScimObject = { [key: string]: ScimValue };
export type ScimValue = string | number | boolean | null | ScimObject | ScimValue[];

export type ResourceKind = 'User' | 'Group';

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SEARCH_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

/** A plain request in: what a route handler, a custom server or a test hands the core. */
export interface ScimRequest {
  method: string;
  /** Path segments after `/scim/v2/{directoryId}`, e.g. ['Users', 'usr_x'] or ['Users', '.search']. */
  path: string[];
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  /** Raw body text; null when there is none. */
  body: string | null;
  /** The body already parsed (serve-scim.ts parses it once, for the request log too); its bounds are still checked. */
  json?: unknown;
}

export interface ScimResponse {
  status: number;
  headers: Record<string, string>;
  /** Serialised as application/scim+json; absent for 204/304. */
  body?: unknown;
  /** Instead of `body`, a body too large to build at once (member-stream.ts): its JSON text, chunk by chunk. */
  stream?: AsyncIterable<string>;
  /** What a write did or why it was refused, in plain words, for the request log (never sent). */
  decision?: string;
}
