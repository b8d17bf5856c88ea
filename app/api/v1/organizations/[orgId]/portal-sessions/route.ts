// DELETE /api/v1/organizations/{orgId}/portal-sessions: host API, ends the organization's portal sessions
import { withApiKey } from '@/lib/host-api/with-api-key';
import { deletePortalSessions } from '@/lib/portal/portal-sessions-api';

export const dynamic = 'force-dynamic';
export const DELETE = withApiKey(deletePortalSessions);
