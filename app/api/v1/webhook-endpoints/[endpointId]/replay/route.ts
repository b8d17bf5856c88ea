// POST /api/v1/webhook-endpoints/{endpointId}/replay: host API (one event, or a range of events)
import { postReplay } from '@/lib/host-api/webhooks-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postReplay);
