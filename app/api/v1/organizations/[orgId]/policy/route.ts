// GET|PATCH /api/v1/organizations/{orgId}/policy: the organization's provisioning policy (issue 19)
import { getPolicy, patchPolicy } from '@/lib/policy/policy-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getPolicy);
export const PATCH = withApiKey(patchPolicy);
