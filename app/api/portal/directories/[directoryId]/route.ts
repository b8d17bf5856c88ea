// GET, PATCH, DELETE /api/portal/directories/{directoryId}: read / rename, enable or disable / delete (with its name typed)
import { deleteDirectory, getDirectory, patchDirectory } from '@/lib/portal/api/directories-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getDirectory);
export const PATCH = withPortalSession(patchDirectory);
export const DELETE = withPortalSession(deleteDirectory);
