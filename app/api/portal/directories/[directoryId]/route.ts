// GET, PATCH /api/portal/directories/{directoryId}: read / enable or disable
import { getDirectory, patchDirectory } from '@/lib/portal/api/directories-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getDirectory);
export const PATCH = withPortalSession(patchDirectory);
