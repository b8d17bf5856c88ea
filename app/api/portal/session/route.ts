// GET /api/portal/session: the portal session (who, until when, CSRF value)
import { getSession } from '@/lib/portal/api/session-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getSession);
