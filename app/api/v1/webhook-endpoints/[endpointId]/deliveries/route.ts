// GET /api/v1/webhook-endpoints/{endpointId}/deliveries: host API (delivery log)
import { getDeliveries } from '@/lib/host-api/webhooks-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getDeliveries);
