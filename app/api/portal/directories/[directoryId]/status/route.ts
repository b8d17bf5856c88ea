// GET /api/portal/directories/{directoryId}/status: connection status from the request log
import { getConnection } from '@/lib/portal/api/directories-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getConnection);
