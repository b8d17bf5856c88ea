// GET|PUT /api/v1/directories/{dirId}/group-selection: host API, which groups the host sees (issue 19)
import { getGroupSelection, putGroupSelection } from '@/lib/host-api/group-selection-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getGroupSelection);
export const PUT = withApiKey(putGroupSelection);
