// GET /api/portal/directories/{id}/requests: the SCIM request log, newest first, filterable by status class and
// resource. Bodies were redacted when written (lib/scim/request-log.ts).
import { pageCursor, readCursor, toPortalRequest } from '../portal-json';
import { requestLogPage } from '../request-log-page';
import { requestLogQuerySchema } from '../schemas';
import type { PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

export async function listRequests(ctx: PortalContext): Promise<Response> {
  const q = requestLogQuerySchema.parse(Object.fromEntries(ctx.url.searchParams));
  const p = await requestLogPage({
    directoryId: directoryOf(ctx).id,
    statusClass: q.status,
    resource: q.resource,
    limit: q.limit,
    before: readCursor(q.cursor),
  });
  return Response.json({ data: p.rows.map(toPortalRequest), nextCursor: pageCursor(p.next) });
}
