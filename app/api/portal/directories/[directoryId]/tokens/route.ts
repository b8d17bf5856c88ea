// GET, POST /api/portal/directories/{directoryId}/tokens: list / mint bearer tokens
import { listTokens, mintToken } from '@/lib/portal/api/tokens-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(listTokens);
export const POST = withPortalSession(mintToken);
