// GET, PUT /api/portal/directories/{directoryId}/attribute-mapping: how the directory fills the app's fields (issue 18)
import { getPortalAttributeMapping, putPortalAttributeMapping } from '@/lib/portal/api/attribute-mapping-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getPortalAttributeMapping);
export const PUT = withPortalSession(putPortalAttributeMapping);
