// POST /api/portal/directories/{directoryId}/group-selection/preview: what a selection change would do
import { previewPortalGroupSelection } from '@/lib/portal/api/group-selection-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const POST = withPortalSession(previewPortalGroupSelection);
