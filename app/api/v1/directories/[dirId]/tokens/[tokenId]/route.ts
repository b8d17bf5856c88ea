// DELETE /api/v1/directories/{dirId}/tokens/{tokenId}: host API (CONTRACT.md)
import { deleteToken } from '@/lib/host-api/directories-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const DELETE = withApiKey(deleteToken);
