// GET|PATCH|DELETE /api/v1/organizations/{orgId}: host API (CONTRACT.md; PATCH {name?, externalId?}; DELETE removes all its data)
import { getOrganization, patchOrganization, removeOrganization } from '@/lib/host-api/organizations-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getOrganization);
export const DELETE = withApiKey(removeOrganization);
export const PATCH = withApiKey(patchOrganization);
