// POST /api/v1/organizations/{orgId}/portal-links: host API (CONTRACT.md)
import { withApiKey } from '@/lib/host-api/with-api-key';
import { postPortalLink } from '@/lib/portal/portal-links-api';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postPortalLink);
