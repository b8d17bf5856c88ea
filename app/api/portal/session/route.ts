// GET, DELETE /api/portal/session: the portal session (who, until when, CSRF value) / end it
// POST /api/portal/session: a portal link's page trades the link for a session (lib/portal/api/link-exchange.ts)
import { exchangePortalLink } from '@/lib/portal/api/link-exchange';
import { endSession, getSession } from '@/lib/portal/api/session-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getSession);
export const POST = exchangePortalLink;
export const DELETE = withPortalSession(endSession);
