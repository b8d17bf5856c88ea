// GET /api/portal/session: who the session is for, how long it lasts, the CSRF value and where it may post messages.
import { env } from '../../env';
import { portalConfig } from '../portal-config';
import type { PortalContext } from '../with-portal-session';

export async function getSession({ db, session }: PortalContext): Promise<Response> {
  const org = await db.organization.findUnique({ where: { id: session.organizationId }, select: { id: true, name: true } });
  return Response.json({
    organization: org ?? { id: session.organizationId, name: 'Organization' },
    brand: portalConfig().brand,
    features: session.features,
    returnUrl: session.returnUrl,
    expiresAt: session.expiresAt.toISOString(),
    csrf: session.csrf,
    allowedOrigins: env().portalAllowedOrigins,
  });
}
