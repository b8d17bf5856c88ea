// GET|PATCH|DELETE /api/v1/directories/{dirId}: host API (PATCH {status}; DELETE removes all its data)
import { getDirectory, patchDirectory, removeDirectory } from '@/lib/host-api/directories-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getDirectory);
export const PATCH = withApiKey(patchDirectory);
export const DELETE = withApiKey(removeDirectory);
