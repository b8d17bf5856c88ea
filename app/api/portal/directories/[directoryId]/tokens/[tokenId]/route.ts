// DELETE /api/portal/directories/{directoryId}/tokens/{tokenId}: revoke a bearer token
import { revokeToken } from '@/lib/portal/api/tokens-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const DELETE = withPortalSession(revokeToken);
