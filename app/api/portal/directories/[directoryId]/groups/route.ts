// GET /api/portal/directories/{directoryId}/groups: groups with member counts
import { listGroups } from '@/lib/portal/api/people-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(listGroups);
