// POST|GET /api/v1/organizations/{orgId}/directories: host API (CONTRACT.md)
import { getDirectories, postDirectory } from '@/lib/host-api/organizations-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postDirectory);
export const GET = withApiKey(getDirectories);
