// POST /api/v1/organizations, GET /api/v1/organizations: host API (CONTRACT.md)
import { getOrganizations, postOrganization } from '@/lib/host-api/organizations-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postOrganization);
export const GET = withApiKey(getOrganizations);
