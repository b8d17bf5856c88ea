// POST /api/portal/directories/{directoryId}/attribute-mapping/preview: a mapping's values over real users
import { previewPortalAttributeMapping } from '@/lib/portal/api/attribute-mapping-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const POST = withPortalSession(previewPortalAttributeMapping);
