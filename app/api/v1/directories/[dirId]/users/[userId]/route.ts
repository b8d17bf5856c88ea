// GET /api/v1/directories/{dirId}/users/{userId}: host API (CONTRACT.md)
import { getUser } from '@/lib/host-api/directories-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getUser);
