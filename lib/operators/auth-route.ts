// next-auth's route handler behind the edge rules it lacks: the body is read as a stream up to the auth family's
// limit before next-auth buffers it whole, and a GET on the credentials callback (next-auth answers it with a 500)
// is a 405.
import NextAuth, { type NextAuthOptions } from 'next-auth';
import { NextRequest } from 'next/server';
import { ApiError, apiErrorResponse, toApiError } from '../host-api/api-error';
import { readBodyBytes } from '../host-api/read-json';
import { BODY_LIMITS } from '../http/route-families.mjs';

type RouteArgs = { params: Promise<{ nextauth?: string[] }> };

export function authRoute(options: NextAuthOptions) {
  const handler = NextAuth(options) as (req: NextRequest, args: RouteArgs) => Promise<Response>;
  return async (req: NextRequest, args: RouteArgs): Promise<Response> => {
    try {
      const [action] = (await args.params).nextauth ?? [];
      if (action === 'callback' && req.method !== 'POST') {
        const res = apiErrorResponse(new ApiError('method_not_allowed', 405, 'Sign in through the sign-in form (POST)'));
        res.headers.set('Allow', 'POST');
        return res;
      }
      if (req.method !== 'POST') return await handler(req, args);
      const body = await readBodyBytes(req, BODY_LIMITS.auth);
      return await handler(new NextRequest(req.url, { method: 'POST', headers: req.headers, body }), args);
    } catch (e) {
      return apiErrorResponse(toApiError(e));
    }
  };
}
