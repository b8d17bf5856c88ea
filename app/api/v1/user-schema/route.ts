// GET|PUT /api/v1/user-schema: host API, the host's user fields (issue 18)
import { getUserSchema, putUserSchema } from '@/lib/host-api/user-schema-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getUserSchema);
export const PUT = withApiKey(putUserSchema);
