// The SCIM trust boundary (`withScimToken`): bearer-token check, limits, body size, one mapping of errors to SCIM
// errors, the request log. Everything that reaches the core has passed the token check for exactly the directory
// in the URL.
import { scimEndpoint } from '../directory/directories';
import { clientAddress } from '../rate-limit/client-address';
import { checkLimits } from '../rate-limit/limiter';
import { isSafeText } from '../safe-text';
import { bearerToken } from '../secrets/secret-token';
import { ScimError, scimErrorBody } from './errors';
import { handleScimRequest } from './handle-request';
import { logScimRequest, redactBody } from './request-log';
import { authenticate, planRead } from './request-reads';
import { errorResponse } from './responses';
import type { ScimRequest, ScimResponse } from './types';

export const MAX_BODY_BYTES = 1024 * 1024;

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

const tooMany = (retryAfterSec: number) => refuse(429, `Too many requests; retry after ${retryAfterSec} s`, { 'Retry-After': String(retryAfterSec) });

/** The answer to an error a handler threw: its SCIM error, or a 500 that leaks nothing (and is logged). */
function failed(req: IncomingScimRequest, e: unknown): ScimResponse {
  const known = errorResponse(e);
  if (known) return known;
  console.error(`SCIM ${req.method} /${req.path.join('/')} failed: ${(e as Error)?.stack ?? String(e)}`);
  return refuse(500, 'Internal error; the request was not applied');
}

/** The answer once the address is within its limit; `tokenId` when the token was live for the directory. */
async function answer(req: IncomingScimRequest): Promise<{ res: ScimResponse; tokenId: string | null }> {
  const token = bearerToken(req.headers.authorization);
  const safe = safeRequestText(req);
  const auth = token ? await authenticate(req.directoryId, token, safe ? planRead(req) : null) : null;
  if (!auth) return { res: refuse(401, 'Missing, invalid, expired or revoked bearer token for this directory', { 'WWW-Authenticate': 'Bearer realm="scim"' }), tokenId: null };
  const { tokenId, hostId, organizationId, directoryStatus } = auth.check;
  const byToken = checkLimits([['scim', tokenId]]);
  if (byToken) return { res: tooMany(byToken.retryAfterSec), tokenId };
  if (directoryStatus !== 'enabled') return { res: refuse(403, 'This directory is disabled; enable it in the admin portal'), tokenId };
  if (!safe) return { res: refuse(400, 'The path or query holds a NUL character or an unpaired UTF-16 surrogate', {}, 'invalidValue'), tokenId };
  if (req.bodyBytes === null || req.bodyBytes > MAX_BODY_BYTES) return { res: refuse(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`), tokenId };
  const ctx = { hostId, organizationId, directoryId: req.directoryId, baseUrl: scimEndpoint(req.directoryId), reads: auth.reads };
  return { res: await handleScimRequest(req, ctx).catch((e: unknown) => failed(req, e)), tokenId };
}

export async function serveScim(req: IncomingScimRequest): Promise<ScimResponse> {
  const started = performance.now();
  const byAddress = checkLimits([['ip', clientAddress((h) => req.headers[h])]]);
  if (byAddress) return tooMany(byAddress.retryAfterSec);
  const { res, tokenId } = await answer(req).catch((e: unknown) => ({ res: failed(req, e), tokenId: null }));
  const body = res.body as { detail?: string } | undefined;
  logScimRequest({
    directoryId: req.directoryId,
    tokenId,
    method: req.method,
    path: `/${req.path.join('/')}${req.query.size ? `?${req.query.toString()}` : ''}`,
    status: res.status,
    durationMs: Math.round(performance.now() - started),
    resource: req.path[0] ?? null,
    requestBody: req.method === 'GET' ? null : redactBody(req.body),
    error: res.status >= 400 ? (body?.detail ?? null) : null,
    at: new Date(),
  });
  return res;
}
