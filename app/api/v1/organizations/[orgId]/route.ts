// GET|DELETE /api/v1/organizations/{orgId}: host API (CONTRACT.md; DELETE removes all its data)
import { getOrganization, removeOrganization } from '@/lib/host-api/organizations-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getOrganization);
export const DELETE = withApiKey(removeOrganization);
