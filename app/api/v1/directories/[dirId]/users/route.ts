// GET /api/v1/directories/{dirId}/users: host API (CONTRACT.md)
import { getUsers } from '@/lib/host-api/directories-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getUsers);
