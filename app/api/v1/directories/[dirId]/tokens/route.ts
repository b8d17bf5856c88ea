// POST|GET /api/v1/directories/{dirId}/tokens: host API (CONTRACT.md)
import { getTokens, postToken } from '@/lib/host-api/directories-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postToken);
export const GET = withApiKey(getTokens);
