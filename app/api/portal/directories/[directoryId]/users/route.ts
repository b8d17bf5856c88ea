// GET /api/portal/directories/{directoryId}/users: users, searchable, keyset-paginated
import { listUsers } from '@/lib/portal/api/people-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(listUsers);
