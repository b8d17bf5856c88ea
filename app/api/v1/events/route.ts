// GET /api/v1/events?after=&limit=: host API (CONTRACT.md)
import { getEvents } from '@/lib/host-api/events-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getEvents);
