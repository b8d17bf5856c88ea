// GET, PUT /api/portal/directories/{directoryId}/roles: group-to-role mappings
import { getRoles, putMappings } from '@/lib/portal/api/roles-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getRoles);
export const PUT = withPortalSession(putMappings);
