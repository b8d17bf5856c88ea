import { isValueTooLarge } from '../db/errors';
import { ScansBusy, ScanTimedOut } from '../db/scan-gate';
import { DomainError } from '../domain-error';
import { PolicyRefusal } from '../policy/admission';
import { etagOf } from './etag';
import { ScimError, scimErrorBody } from './errors';
import type { ScimObject, ScimResponse } from './types';

/** A single resource with its ETag (and Location on create). */
export function resourceResponse(resource: ScimObject, version: number, status = 200): ScimResponse {
  const headers: Record<string, string> = { ETag: etagOf(version) };
  const location = (resource.meta as ScimObject | undefined)?.location;
  if (status === 201 && typeof location === 'string') headers.Location = location;
  return { status, headers, body: resource };
}

export function noContent(headers: Record<string, string> = {}): ScimResponse {
  return { status: 204, headers };
}

/** Domain errors in SCIM's vocabulary; anything else is not one of ours. */
function toScimError(e: DomainError): ScimError {
  switch (e.code) {
    case 'not_found':
      return new ScimError(404, undefined, e.message);
    case 'conflict':
      return new ScimError(409, 'uniqueness', e.message);
    case 'precondition_failed':
      return new ScimError(412, undefined, e.message);
    // A policy refusal: 403, which Okta and Entra show their admin as a failed operation rather than retry at once.
    case 'refused':
      return new ScimError(403, undefined, e.message);
    default:
      return new ScimError(400, 'invalidValue', e.message);
  }
}

const REFUSED: Record<number, string> = {
  400: 'invalid value',
  403: 'forbidden',
  404: 'not found',
  409: 'conflict',
  412: 'precondition failed',
  413: 'too large',
  503: 'busy',
};

/** The SCIM error an error thrown while answering stands for; anything else is returned as it is. */
function scimErrorOf(e: unknown): unknown {
  if (e instanceof DomainError) return toScimError(e);
  if (isValueTooLarge(e)) return new ScimError(400, 'invalidValue', 'A value is too large for the database to index');
  // A list read as a scan (lib/db/scan-gate.ts): too many waiting, or stopped past its time limit (RFC 7644 §3.12
  // tooMany: more than the server is willing to process).
  if (e instanceof ScansBusy) return new ScimError(503, undefined, e.message);
  if (e instanceof ScanTimedOut) return new ScimError(400, 'tooMany', e.message);
  return e;
}

/** Any error thrown while answering a request, as the SCIM error response (RFC 7644 §3.12); null when it is none of ours. */
export function errorResponse(e: unknown, headers: Record<string, string> = {}): ScimResponse | null {
  const err = scimErrorOf(e);
  if (!(err instanceof ScimError)) return null;
  // The decision log's words: a policy names its reason (domain, seat limit), anything else its kind.
  const reason = e instanceof PolicyRefusal ? e.reason.replace('_', ' ') : (REFUSED[err.status] ?? String(err.status));
  const retry: Record<string, string> = e instanceof ScansBusy ? { 'Retry-After': String(e.retryAfterSec) } : {};
  return { status: err.status, headers: { ...headers, ...retry }, body: scimErrorBody(err), decision: `refused (${reason})` };
}

/** Whether a response should carry `attr`, given attributes / excludedAttributes (names compared case-insensitively). */
export function wantsAttribute(attr: string, attributes: string | null, excluded: string | null): boolean {
  const names = (s: string) => s.split(',').map((x) => x.trim().toLowerCase().replace(/^.*:/, '').split(/[.[]/)[0]);
  const a = attr.toLowerCase();
  if (excluded && names(excluded).includes(a)) return false;
  if (attributes) return names(attributes).includes(a);
  return true;
}
