// POST /api/v1/directories/{dirId}/attribute-mapping/preview: host API, a mapping's values over real users (issue 18)
import { postAttributeMappingPreview } from '@/lib/host-api/attribute-mapping-api';
import { withApiKey } from '@/lib/host-api/with-api-key';

export const dynamic = 'force-dynamic';
export const POST = withApiKey(postAttributeMappingPreview);
