// POST /api/portal/session {link}: trades a single-use portal link for a portal session. The link's page
// (/portal/link/{token}) posts here from the browser; opening the link alone (a HEAD, a link unfurler's GET) uses
// nothing. Only a same-origin fetch can post: the body must be JSON (a cross-site form cannot send it, and a
// cross-site fetch of it needs a preflight this server does not grant) and Sec-Fetch-Site, when the browser sends
// it, must say same-origin. The session goes back as JSON for the tab's sessionStorage and as the cookie.
import { z } from 'zod';
import { write } from '../../db/database';
import { ApiError, apiErrorResponse, rateLimitedResponse, toApiError } from '../../host-api/api-error';
import { readJsonBody } from '../../host-api/read-json';
import { BODY_LIMITS } from '../../http/route-families.mjs';
import { clientAddress } from '../../rate-limit/client-address';
import { checkLimits } from '../../rate-limit/limiter';
import { consumePortalLink } from '../portal-links';
import { openPortalSession, sessionCookie } from '../portal-session';

const exchangeInputSchema = z.strictObject({ link: z.string().min(1).max(200) });

/** Why a link could not be used, as the client's link-error page names it. */
const REFUSALS = {
  used: new ApiError('link_used', 410, 'This link has already been used'),
  expired: new ApiError('link_expired', 410, 'This link has expired'),
  invalid: new ApiError('link_invalid', 404, 'This link is not valid'),
} as const;

function fromThisOrigin(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  const json = /^application\/json\s*(;|$)/i.test(req.headers.get('content-type') ?? '');
  return json && (site === null || site === 'same-origin');
}

export async function exchangePortalLink(req: Request): Promise<Response> {
  try {
    const limited = checkLimits([['ip', clientAddress((h) => req.headers.get(h))]]);
    if (limited) return rateLimitedResponse(limited.retryAfterSec);
    if (!fromThisOrigin(req)) throw new ApiError('csrf', 403, 'Portal links are opened by the portal link page');
    const { link } = exchangeInputSchema.parse(await readJsonBody(req, BODY_LIMITS.portalApi));
    // The link's use, its audit entry and the session row commit together.
    const r = await write(function* (env) {
      const used = yield* consumePortalLink(env, link);
      return used.ok ? { ok: true as const, ...(yield* openPortalSession(env, used.link)) } : used;
    });
    if (!r.ok) throw REFUSALS[r.reason];
    const res = Response.json({ token: r.token, expiresAt: r.session.expiresAt.toISOString() }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
    res.headers.append('Set-Cookie', sessionCookie(r.token, r.session.expiresAt));
    return res;
  } catch (e) {
    return apiErrorResponse(toApiError(e));
  }
}
