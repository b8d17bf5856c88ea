// GET /api/portal/directories/{directoryId}/groups/{groupId}/members: its members, paginated
import { listMembers } from '@/lib/portal/api/people-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(listMembers);
