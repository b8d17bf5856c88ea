// GET|PATCH|DELETE /api/v1/roles/{roleKey}: host API (PATCH {name?, description?}; DELETE takes the role off every
// mapping, default and user, with their events)
import { getRole, patchRole, removeRole } from '@/lib/host-api/roles-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getRole);
export const PATCH = withApiKey(patchRole);
export const DELETE = withApiKey(removeRole);
