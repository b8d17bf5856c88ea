// PUT|GET /api/v1/directories/{dirId}/role-mappings: host API (CONTRACT.md)
import { getRoleMappings, putRoleMappings } from '@/lib/host-api/roles-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const PUT = withApiKey(putRoleMappings);
export const GET = withApiKey(getRoleMappings);
