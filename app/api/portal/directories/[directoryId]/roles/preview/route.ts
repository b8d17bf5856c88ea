// POST /api/portal/directories/{directoryId}/roles/preview: what a mapping change would do
import { previewMappings } from '@/lib/portal/api/roles-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const POST = withPortalSession(previewMappings);
