// PUT /api/portal/directories/{directoryId}/roles/default: the default role
import { putDefaultRole } from '@/lib/portal/api/roles-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const PUT = withPortalSession(putDefaultRole);
