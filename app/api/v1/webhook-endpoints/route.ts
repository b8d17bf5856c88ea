// POST|GET /api/v1/webhook-endpoints: host API (CONTRACT.md)
import { getEndpoints, postEndpoint } from '@/lib/host-api/webhooks-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postEndpoint);
export const GET = withApiKey(getEndpoints);
