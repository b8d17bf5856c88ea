// GET /api/portal/directories/{directoryId}/requests: SCIM request log
import { listRequests } from '@/lib/portal/api/requests-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(listRequests);
