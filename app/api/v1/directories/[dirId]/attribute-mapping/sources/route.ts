// GET /api/v1/directories/{dirId}/attribute-mapping/sources: host API, the SCIM paths that arrived (issue 18)
import { getAttributeSources } from '@/lib/host-api/attribute-mapping-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getAttributeSources);
