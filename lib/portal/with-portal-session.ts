// The portal trust boundary: session (Authorization header or cookie) → organization, CSRF check and write limits
// on mutations, tenant check on every id in the path, error mapping. Another organization's ids answer 404 exactly
// like unknown ones, so a session can neither read nor probe another tenant's data. The session check is one
// lookup of its row by the token's hash (unique index): ended sessions fail at once in every process, and it costs
// no more than the tenant checks that follow it.
import { timingSafeEqual } from 'node:crypto';
import { read } from '../db/database';
import { findOrganizationDirectory, type DirectoryRow } from '../directory/directories';
import { findGroup } from '../directory/groups/reads';
import { isDirectoryToken } from '../directory/tokens';
import { findUser } from '../directory/users/reads';
import { ApiError, apiErrorResponse, apiNotFound, rateLimitedResponse, toApiError } from '../host-api/api-error';
import { readJsonBody } from '../host-api/read-json';
import { BODY_LIMITS } from '../http/route-families.mjs';
import { clientAddress } from '../rate-limit/client-address';
import { checkLimits } from '../rate-limit/limiter';
import { bearerToken } from '../secrets/secret-token';
import { portalWriteLimit } from './portal-limits';
import { SESSION_COOKIE, cookieValue, findPortalSession, type PortalSession } from './portal-session';

export interface PortalContext {
  session: PortalSession;
  params: Record<string, string>;
  url: URL;
  /** Present when the path has a directoryId: that directory, already checked to belong to the session. */
  directory: DirectoryRow | null;
  json: () => Promise<unknown>;
}

type Handler = (ctx: PortalContext) => Promise<Response>;

/**
 * Who did it, for the audit log: the operator who opened this portal from the dashboard, else the organization's
 * admin (who has no account here: the portal session of the organization).
 */
export const portalActor = (ctx: PortalContext) => (ctx.session.operatorId ? `operator:${ctx.session.operatorId}` : `portal:${ctx.session.organizationId}`);
type RouteArgs = { params: Promise<Record<string, string>> };

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function withPortalSession(handler: Handler) {
  return async (req: Request, args: RouteArgs): Promise<Response> => {
    try {
      const byAddress = checkLimits([['ip', clientAddress((h) => req.headers.get(h))]]);
      if (byAddress) return rateLimitedResponse(byAddress.retryAfterSec);
      const token = bearerToken(req.headers.get('authorization')) ?? cookieValue(req.headers.get('cookie'), SESSION_COOKIE);
      const session = await findPortalSession(token);
      if (!session) throw new ApiError('unauthorized', 401, 'Your portal session has ended; ask your application for a new link');
      if (MUTATING.has(req.method)) {
        if (!sameValue(req.headers.get('x-portal-csrf'), session.csrf)) throw new ApiError('csrf', 403, 'Missing or wrong X-Portal-CSRF header');
        const limited = portalWriteLimit(session);
        if (limited) return rateLimitedResponse(limited.retryAfterSec);
      }
      const params = (await args.params) ?? {};
      const directory = await checkOwnership(session.organizationId, params);
      const res = await handler({ session, params, url: new URL(req.url), directory, json: () => readJsonBody(req, BODY_LIMITS.portalApi) });
      res.headers.set('Cache-Control', 'no-store');
      return res;
    } catch (e) {
      return apiErrorResponse(toApiError(e));
    }
  };
}

/** Every id in the path must hang off the session's organization: directory → user / group / token. */
async function checkOwnership(organizationId: string, p: Record<string, string>): Promise<DirectoryRow | null> {
  if (!p.directoryId) return null;
  const { directory, missing } = await read(function* (env) {
    const directory = yield* findOrganizationDirectory({ organizationId, id: p.directoryId });
    if (!directory) return { directory, missing: 'Directory' };
    const directoryId = directory.id;
    if (p.userId && !(yield* findUser(env, { directoryId, id: p.userId }))) return { directory, missing: 'User' };
    if (p.groupId && !(yield* findGroup(env, { directoryId, id: p.groupId }))) return { directory, missing: 'Group' };
    if (p.tokenId && !(yield* isDirectoryToken({ directoryId, tokenId: p.tokenId }))) return { directory, missing: 'Token' };
    return { directory, missing: null };
  });
  if (missing) throw apiNotFound(missing);
  return directory;
}

function sameValue(a: string | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
