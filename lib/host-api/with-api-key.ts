// The host-API trust boundary: API key → host, JSON body parsing, error mapping. Handlers get the host id and
// only ever query within it.
import { BODY_LIMITS } from '../http/route-families.mjs';
import { clientAddress } from '../rate-limit/client-address';
import { checkLimits } from '../rate-limit/limiter';
import { isSafeText } from '../safe-text';
import { readJsonBody } from './read-json';
import { bearerToken } from '../secrets/secret-token';
import { ApiError, apiErrorResponse, rateLimitedResponse, toApiError } from './api-error';
import { checkApiKey } from './api-keys';

export interface ApiContext {
  hostId: string;
  /** The API key's id, for the audit log's actor. */
  keyId: string;
  req: Request;
  params: Record<string, string>;
  url: URL;
  /** The JSON body (null when there is none); invalid JSON is a 400 before the handler runs. */
  json: () => Promise<unknown>;
}

type Handler = (ctx: ApiContext) => Promise<Response>;
type RouteArgs = { params: Promise<Record<string, string>> };

export function withApiKey(handler: Handler) {
  return async (req: Request, args: RouteArgs): Promise<Response> => {
    try {
      const byAddress = checkLimits([['ip', clientAddress((h) => req.headers.get(h))]]);
      if (byAddress) return rateLimitedResponse(byAddress.retryAfterSec);
      const key = bearerToken(req.headers.get('authorization'));
      const check = key ? await checkApiKey(key) : null;
      if (!check) throw new ApiError('unauthorized', 401, 'Missing or invalid API key (Authorization: Bearer <key>)');
      const byKey = checkLimits([['api', check.keyId]]);
      if (byKey) return rateLimitedResponse(byKey.retryAfterSec);
      const params = await args.params;
      if (!Object.values(params ?? {}).every(isSafeText)) throw new ApiError('not_found', 404, 'Not found');
      for (const [k, v] of new URL(req.url).searchParams) {
        if (!isSafeText(k) || !isSafeText(v)) throw new ApiError('invalid_request', 400, 'query: NUL characters and unpaired surrogates are not allowed');
      }
      return await handler({
        hostId: check.hostId,
        keyId: check.keyId,
        req,
        params,
        url: new URL(req.url),
        json: () => readJsonBody(req, BODY_LIMITS.hostApi),
      });
    } catch (e) {
      return apiErrorResponse(toApiError(e));
    }
  };
}
