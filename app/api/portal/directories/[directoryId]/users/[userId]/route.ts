// GET /api/portal/directories/{directoryId}/users/{userId}: one user with every attribute
import { getUser } from '@/lib/portal/api/people-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getUser);
