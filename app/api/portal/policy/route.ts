// GET /api/portal/policy: the provisioning policy the host set for the session's organization (issue 19), read-only
import { getPortalPolicy } from '@/lib/policy/policy-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getPortalPolicy);
