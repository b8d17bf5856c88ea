// GET, POST /api/portal/directories: list / configure a directory of the session's organization
import { listDirectories, configureDirectory } from '@/lib/portal/api/directories-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(listDirectories);
export const POST = withPortalSession(configureDirectory);
