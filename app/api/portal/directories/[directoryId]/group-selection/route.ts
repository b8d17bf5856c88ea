// GET, PUT /api/portal/directories/{directoryId}/group-selection: which groups the app receives (issue 19)
import { getPortalGroupSelection, putPortalGroupSelection } from '@/lib/portal/api/group-selection-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getPortalGroupSelection);
export const PUT = withPortalSession(putPortalGroupSelection);
