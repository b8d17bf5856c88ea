// GET /api/portal/directories/{directoryId}/setup: the live setup checklist and diagnoses (lib/portal/setup-check.ts)
import { getSetupCheck } from '@/lib/portal/api/directories-api';
import { withPortalSession } from '@/lib/portal/with-portal-session';

export const dynamic = 'force-dynamic';
export const GET = withPortalSession(getSetupCheck);
