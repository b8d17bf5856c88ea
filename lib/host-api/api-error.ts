// Host API errors: `{"error": {"code", "message"}}` with a 4xx status (CONTRACT.md).
import { z } from 'zod';
import { DomainError } from '../domain-error';
import { isUniqueViolation } from '../db/errors';
import { SCAN_RETRY_AFTER_SEC, ScansBusy, ScanTimedOut } from '../db/scan-gate';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const apiNotFound = (what: string) => new ApiError('not_found', 404, `${what} not found`);

export function apiErrorResponse(e: ApiError): Response {
  const res = Response.json({ error: { code: e.code, message: e.message } }, { status: e.status });
  if (e.code === 'busy') res.headers.set('Retry-After', String(SCAN_RETRY_AFTER_SEC));
  return res;
}

/** 429 with Retry-After, for any of the rate limits. */
export function rateLimitedResponse(retryAfterSec: number): Response {
  const res = apiErrorResponse(new ApiError('rate_limited', 429, `Too many requests; retry after ${retryAfterSec} s`));
  res.headers.set('Retry-After', String(retryAfterSec));
  return res;
}

/** Maps anything thrown by a handler; unknown errors become a 500 that leaks nothing internal. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof z.ZodError) {
    const issue = e.issues[0];
    const field = issue?.path.join('.') || 'body';
    return new ApiError('invalid_request', 400, `${field}: ${issue?.message ?? 'invalid'}`);
  }
  if (e instanceof DomainError) {
    const status = { not_found: 404, conflict: 409, precondition_failed: 412, invalid: 400, refused: 403 }[e.code];
    return new ApiError(e.code, status, e.message);
  }
  // A list that scans (lib/db/scan-gate.ts): too many under way, or stopped past its time limit.
  if (e instanceof ScansBusy) return new ApiError('busy', 503, e.message);
  if (e instanceof ScanTimedOut) return new ApiError('query_too_costly', 400, e.message);
  if (isUniqueViolation(e)) return new ApiError('conflict', 409, 'A resource with these values already exists');
  console.error(`host API error: ${(e as Error)?.stack ?? String(e)}`);
  return new ApiError('internal_error', 500, 'Internal error');
}
