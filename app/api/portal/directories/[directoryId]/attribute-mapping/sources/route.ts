// GET /api/portal/directories/{directoryId}/attribute-mapping/sources: the SCIM paths that arrived, with user counts
import { getPortalAttributeSources } from '@/lib/portal/api/attribute-mapping-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getPortalAttributeSources);
