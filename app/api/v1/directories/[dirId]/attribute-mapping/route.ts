// GET|PUT /api/v1/directories/{dirId}/attribute-mapping: host API, how the directory fills the host's fields (issue 18)
import { getAttributeMapping, putAttributeMapping } from '@/lib/host-api/attribute-mapping-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const GET = withApiKey(getAttributeMapping);
export const PUT = withApiKey(putAttributeMapping);
