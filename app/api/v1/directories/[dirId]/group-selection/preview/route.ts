// POST /api/v1/directories/{dirId}/group-selection/preview: host API, what a selection change would do (issue 19)
import { postGroupSelectionPreview } from '@/lib/host-api/group-selection-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postGroupSelectionPreview);
