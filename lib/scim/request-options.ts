// Per-request options every resource endpoint reads: the attribute projection and If-Match.
import { versionFromHeader } from './etag';
import { ScimError } from './errors';
import { queryParam } from './list-params';
import type { ScimRequest } from './types';

export type Projection = { attributes: string | null; excludedAttributes: string | null };

export function projectionOf(query: URLSearchParams): Projection {
  return { attributes: queryParam(query, 'attributes'), excludedAttributes: queryParam(query, 'excludedAttributes') };
}

/** The version If-Match names; 412 at once when it names none of ours (a stale or foreign ETag). */
export function ifMatch(req: ScimRequest): number | null {
  const v = versionFromHeader(req.headers['if-match']);
  if (Number.isNaN(v)) throw new ScimError(412, undefined, 'If-Match names no version of this resource');
  return v;
}
