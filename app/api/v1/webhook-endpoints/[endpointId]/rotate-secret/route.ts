// POST /api/v1/webhook-endpoints/{endpointId}/rotate-secret: host API
import { rotateSecret } from '@/lib/host-api/webhooks-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(rotateSecret);
