// GET /api/v1/directories/{dirId}/groups/{groupId}/members: host API (CONTRACT.md)
import { getGroupMembers } from '@/lib/host-api/directories-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getGroupMembers);
