// POST|GET /api/v1/roles: host API (CONTRACT.md)
import { getRoles, postRole } from '@/lib/host-api/roles-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postRole);
export const GET = withApiKey(getRoles);
