// GET /api/portal/session: who the session is for, how long it lasts, the CSRF value and where it may post messages.
// DELETE /api/portal/session: ends it (the row goes, so the token fails from the next request on, in every process).
import { read } from '../../db/database';
import { env } from '../../env';
import { organizationById } from '../../organizations/organizations';
import { portalConfig } from '../portal-config';
import { clearedSessionCookie, endPortalSession } from '../portal-session';
import type { PortalContext } from '../with-portal-session';

export async function getSession({ session }: PortalContext): Promise<Response> {
  const org = await read(() => organizationById(session.organizationId));
  return Response.json(sessionJson(session, org && { id: org.id, name: org.name }));
}

/** The session as the portal's client reads it (lib/client/types.ts PortalSessionInfo). */
export function sessionJson(session: PortalContext['session'], org: { id: string; name: string } | null) {
  return {
    organization: org ?? { id: session.organizationId, name: 'Organization' },
    brand: portalConfig().brand,
    features: session.features,
    returnUrl: session.returnUrl,
    expiresAt: session.expiresAt.toISOString(),
    csrf: session.csrf,
    allowedOrigins: env().portalAllowedOrigins,
  };
}

export async function endSession({ session }: PortalContext): Promise<Response> {
  await endPortalSession(session.sessionId);
  return new Response(null, { status: 204, headers: { 'Set-Cookie': clearedSessionCookie() } });
}
