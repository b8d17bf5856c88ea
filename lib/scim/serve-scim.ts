// The SCIM trust boundary (`withScimToken`): bearer-token check, limits, body size, one mapping of errors to SCIM
// errors, the request log. Everything that reaches the core has passed the token check for exactly the directory
// in the URL.
import { hostUserExtension } from '../attributes/host-attrs';
import { scimEndpoint } from '../directory/directories';
import { addressKey, clientAddress } from '../rate-limit/client-address';
import { checkLimits } from '../rate-limit/limiter';
import { isSafeText } from '../safe-text';
import { bearerToken } from '../secrets/secret-token';
import { MAX_BODY_BYTES } from './body-limits';
import { ScimError, scimErrorBody } from './errors';
import { handleScimRequest } from './handle-request';
import { tryParseJson } from './json-body';
import { redactedBody, redactedDetail, redactedQuery, redactedResponse, unparsedBody } from './redact';
import { countUnauthenticated, logScimRequest } from './request-log';
import { requestPerson } from './request-person';
import { authenticate, planRead } from './request-reads';
import { errorResponse } from './responses';
import type { ScimRequest, ScimResponse } from './types';

export interface IncomingScimRequest extends ScimRequest {
  directoryId: string;
  /** Length of the body in bytes, or null when it was too large to read (then body is null). */
  bodyBytes: number | null;
}

function safeRequestText(req: ScimRequest): boolean {
  if (!req.path.every(isSafeText)) return false;
  for (const [k, v] of req.query) if (!isSafeText(k) || !isSafeText(v)) return false;
  return true;
}

const refuse = (status: number, detail: string, headers: Record<string, string> = {}, scimType?: 'invalidValue'): ScimResponse => ({
  status,
  headers,
  body: scimErrorBody(new ScimError(status, scimType, detail)),
});

const tooMany = (retryAfterSec: number, what = 'Too many requests') =>
  refuse(429, `${what}; retry after ${retryAfterSec} s`, { 'Retry-After': String(retryAfterSec) });

/** The answer to an error a handler threw: its SCIM error, or a 500 that leaks nothing (and is logged). */
function failed(req: IncomingScimRequest, e: unknown): ScimResponse {
  const known = errorResponse(e);
  if (known) return known;
  console.error(`SCIM ${req.method} /${req.path.join('/')} failed: ${(e as Error)?.stack ?? String(e)}`);
  return refuse(500, 'Internal error; the request was not applied');
}

/**
 * No valid token for this directory (none, a wrong, revoked or expired one, or another directory's): counted on the
 * directory, never logged (anyone who knows its id can send these). An address past its failures per minute is
 * answered 429; a valid token is never refused for its address's failures, so an IdP sharing an address (Okta's and
 * Entra's egress serve many tenants) or one whose token was just rotated is served at once.
 */
function unauthenticated(req: IncomingScimRequest, ip: string): ScimResponse {
  countUnauthenticated(req.directoryId, new Date());
  const limited = checkLimits([['authfail', addressKey(ip)]]);
  return limited
    ? tooMany(limited.retryAfterSec, 'Too many requests without a valid token from this address')
    : refuse(401, 'Missing, invalid, expired or revoked bearer token for this directory', { 'WWW-Authenticate': 'Bearer realm="scim"' });
}

/** The body as the request log keeps it: parsed and without writeOnly values, or a note when it does not parse. */
function loggedBody(req: IncomingScimRequest, json: unknown): string | null {
  if (req.method === 'GET' || !req.body) return null;
  return json === undefined ? unparsedBody(req.bodyBytes ?? 0) : redactedBody(json);
}

/**
 * The answer as the log keeps it: of a write or a refusal. A successful read's answer is the resource as it is
 * (the portal shows it), and redacting every read's answer would cost the hot path more than the request itself
 * spends on JSON.
 */
function loggedAnswer(method: string, res: ScimResponse): string | null {
  if (res.body === undefined || res.body === null || (method === 'GET' && res.status < 400)) return null;
  return redactedResponse(res.body);
}

interface Answered {
  res: ScimResponse;
  tokenId: string;
  /** The parsed body, and the body as the log keeps it: taken before the core reads it; refused requests log none. */
  json?: unknown;
  logged: string | null;
}

/** The answer to a request whose token is live for the directory; null when it is not. */
async function answer(req: IncomingScimRequest, safe: boolean): Promise<Answered | null> {
  const token = bearerToken(req.headers.authorization);
  const auth = token ? await authenticate(req.directoryId, token, safe ? planRead(req) : null) : null;
  if (!auth) return null;
  const { tokenId, hostId, organizationId, directoryStatus } = auth.check;
  const byToken = checkLimits([['scim', tokenId]]);
  if (byToken) return { res: tooMany(byToken.retryAfterSec), tokenId, logged: null };
  if (directoryStatus !== 'enabled') return { res: refuse(403, 'This directory is disabled; enable it in the admin portal'), tokenId, logged: null };
  if (!safe) return { res: refuse(400, 'The path or query holds a NUL character or an unpaired UTF-16 surrogate', {}, 'invalidValue'), tokenId, logged: null };
  if (req.bodyBytes === null || req.bodyBytes > MAX_BODY_BYTES)
    return { res: refuse(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`), tokenId, logged: null };
  const json = tryParseJson(req.body);
  const logged = loggedBody(req, json);
  const ctx = {
    hostId,
    organizationId,
    directoryId: req.directoryId,
    baseUrl: scimEndpoint(req.directoryId),
    reads: auth.reads,
    userExtension: hostUserExtension(auth.check.hostUserSchema),
    attributeMapping: auth.check.attributeMapping,
  };
  const res = await handleScimRequest(json === undefined ? req : { ...req, json }, ctx).catch((e: unknown) => failed(req, e));
  return { res, tokenId, json, logged };
}

export async function serveScim(req: IncomingScimRequest): Promise<ScimResponse> {
  const started = performance.now();
  const ip = clientAddress((h) => req.headers[h]);
  const byAddress = checkLimits([['ip', ip]]);
  if (byAddress) return tooMany(byAddress.retryAfterSec);
  const safe = safeRequestText(req);
  const answered = await answer(req, safe).catch((e: unknown) => ({ res: failed(req, e), tokenId: null, json: undefined, logged: null }));
  if (!answered) return unauthenticated(req, ip);
  const { res, tokenId, json, logged } = answered;
  // A failure before the token was checked has no token to log it under: answered, not logged.
  if (tokenId === null) return res;
  const detail = (res.body as { detail?: string } | undefined)?.detail;
  logScimRequest({
    directoryId: req.directoryId,
    tokenId,
    method: req.method,
    path: `/${req.path.join('/')}${req.query.size ? `?${redactedQuery(req.query)}` : ''}`,
    status: res.status,
    durationMs: Math.round(performance.now() - started),
    resource: req.path[0] ?? null,
    requestBody: logged,
    responseBody: loggedAnswer(req.method, res),
    person: safe ? requestPerson(req, json, res) : null,
    error: res.status >= 400 && detail !== undefined ? redactedDetail(detail) : null,
    // Reads decide nothing about anyone; a write's outcome, or its refusal.
    decision: req.method === 'GET' ? null : (res.decision ?? null),
    at: new Date(),
  });
  return res;
}
