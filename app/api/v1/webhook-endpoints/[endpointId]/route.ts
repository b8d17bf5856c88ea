// GET|PATCH|DELETE /api/v1/webhook-endpoints/{endpointId}: host API
import { getEndpoint, patchEndpoint, removeEndpoint } from '@/lib/host-api/webhooks-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getEndpoint);
export const PATCH = withApiKey(patchEndpoint);
export const DELETE = withApiKey(removeEndpoint);
