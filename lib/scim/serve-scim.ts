// The SCIM trust boundary (`withScimToken`): bearer-token check, body limit, error mapping, request log. Everything
// that reaches the core has passed the token check for exactly the directory in the URL.
import { getDb, readyDb, type Db } from '../db/client';
import { checkDirectoryToken, checkDirectoryTokenAndFindGroup, checkDirectoryTokenAndFindUser, type TokenCheck } from '../directory/tokens';
import { plannedGroupPatch } from './groups-endpoint';
import type { ScimContext } from './context';
import { scimEndpoint } from '../directory/directories';
import { checkLimits } from '../rate-limit/limiter';
import { addressKey, clientAddress } from '../rate-limit/client-address';
import { NativeDate } from '../native-date';
import { isSafeText } from '../safe-text';
import { bearerToken } from '../secrets/secret-token';
import { MAX_BODY_BYTES } from './body-limits';
import { ScimError, scimErrorBody } from './errors';
import { handleScimRequest } from './handle-request';
import { tryParseJson } from './json-body';
import { redactedBody, redactedDetail, redactedQuery, redactedResponse, unparsedBody } from './redact';
import { countUnauthenticated, logScimRequest } from './request-log';
import { requestPerson } from './request-person';
import { plannedUserRead } from './users-endpoint';
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

function errorResponse(e: ScimError, headers: Record<string, string> = {}): ScimResponse {
  return { status: e.status, headers, body: scimErrorBody(e) };
}

function tooMany(retryAfterSec: number, what = 'Too many requests'): ScimResponse {
  return errorResponse(new ScimError(429, undefined, `${what}; retry after ${retryAfterSec} s`), {
    'Retry-After': String(retryAfterSec),
  });
}

const UNAUTHORIZED = () =>
  errorResponse(new ScimError(401, undefined, 'Missing, invalid, expired or revoked bearer token for this directory'), {
    'WWW-Authenticate': 'Bearer realm="scim"',
  });

type Checked = { check: TokenCheck | null } & Pick<ScimContext, 'prefetched' | 'prefetchedGroup'>;

/**
 * The token check, and with it the row the request starts from when that saves a round trip on PostgreSQL: the user
 * a GET reads, the group a PATCH changes.
 */
function checkToken(db: Db, req: IncomingScimRequest, token: string, safe: boolean): Promise<Checked> {
  // .then, not async/await: promises fewer on the hot path (readyDb in db/client.ts).
  const read = safe ? plannedUserRead(req) : null;
  if (read) {
    return checkDirectoryTokenAndFindUser(req.directoryId, token, read).then((r) =>
      r ? { check: r.check, prefetched: { read, found: r.found } } : { check: null },
    );
  }
  const groupId = safe ? plannedGroupPatch(req) : null;
  if (groupId) {
    return checkDirectoryTokenAndFindGroup(req.directoryId, token, groupId).then((r) =>
      r ? { check: r.check, prefetchedGroup: { id: groupId, found: r.found } } : { check: null },
    );
  }
  return checkDirectoryToken(db, req.directoryId, token).then((check) => ({ check }));
}

/**
 * No valid token for this directory (none, a wrong, revoked or expired one, or another directory's): counted on the
 * directory, never logged (anyone who knows its id can send these). An address past its failures per minute is
 * answered 429; a valid token is never refused for its address's failures, so an IdP sharing an address (Okta's and
 * Entra's egress serve many tenants) or one whose token was just rotated is served at once.
 */
function unauthenticated(req: IncomingScimRequest, ip: string): ScimResponse {
  countUnauthenticated(req.directoryId, new NativeDate());
  const limited = checkLimits([['authfail', addressKey(ip)]]);
  return limited ? tooMany(limited.retryAfterSec, 'Too many requests without a valid token from this address') : UNAUTHORIZED();
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

export async function serveScim(req: IncomingScimRequest): Promise<ScimResponse> {
  const started = performance.now();
  const db = readyDb() ?? (await getDb());
  const ip = clientAddress((h) => req.headers[h]);
  const byAddress = checkLimits([['ip', ip]]);
  if (byAddress) return tooMany(byAddress.retryAfterSec);
  const token = bearerToken(req.headers.authorization);
  const safe = safeRequestText(req);
  const { check, prefetched, prefetchedGroup }: Checked = token ? await checkToken(db, req, token, safe) : { check: null };
  let res: ScimResponse;
  /** The body as the log keeps it, taken before the core reads it; refused requests log none. */
  let logged: string | null = null;
  let json: unknown;
  if (!check) return unauthenticated(req, ip);
  const byToken = checkLimits([['scim', check.tokenId]]);
  if (byToken) {
    res = tooMany(byToken.retryAfterSec);
  } else if (check.directoryStatus !== 'enabled') {
    res = errorResponse(new ScimError(403, undefined, 'This directory is disabled; enable it in the admin portal'));
  } else if (!safe) {
    res = errorResponse(new ScimError(400, 'invalidValue', 'The path or query holds a NUL character or an unpaired UTF-16 surrogate'));
  } else if (req.bodyBytes === null || req.bodyBytes > MAX_BODY_BYTES) {
    res = errorResponse(new ScimError(413, undefined, `Request body exceeds ${MAX_BODY_BYTES} bytes`));
  } else {
    json = tryParseJson(req.body);
    logged = loggedBody(req, json);
    const ctx = {
      db,
      directoryId: req.directoryId,
      organizationId: check.organizationId,
      hostId: check.hostId,
      baseUrl: scimEndpoint(req.directoryId),
      prefetched,
      prefetchedGroup,
    };
    res = await handleScimRequest(json === undefined ? req : { ...req, json }, ctx).catch(
      (e: unknown) => {
        if (e instanceof ScimError) return errorResponse(e);
        console.error(`SCIM ${req.method} /${req.path.join('/')} failed: ${(e as Error)?.stack ?? String(e)}`);
        return errorResponse(new ScimError(500, undefined, 'Internal error; the request was not applied'));
      },
    );
  }
  const detail = (res.body as { detail?: string } | undefined)?.detail;
  logScimRequest({
    directoryId: req.directoryId,
    tokenId: check.tokenId,
    method: req.method,
    path: `/${req.path.join('/')}${req.query.size ? `?${redactedQuery(req.query)}` : ''}`,
    status: res.status,
    durationMs: Math.round(performance.now() - started),
    resource: req.path[0] ?? null,
    requestBody: logged,
    responseBody: loggedAnswer(req.method, res),
    person: safe ? requestPerson(req, json, res) : null,
    error: res.status >= 400 && detail !== undefined ? redactedDetail(detail) : null,
    at: new NativeDate(),
  });
  return res;
}
