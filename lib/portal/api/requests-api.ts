// GET /api/portal/directories/{id}/requests: the SCIM request log, newest first, filterable by status class,
// resource and person, with the names of the users and groups each request concerns and the log's totals.
// Bodies were redacted when written (lib/scim/request-log.ts).
import { pageCursor, readCursor } from '../../schemas/pagination';
import { toPortalRequest } from '../portal-json';
import { namesForRows, requestLogPage, requestTotals } from '../request-log-page';
import { requestLogQuerySchema } from '../schemas';
import type { PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

export async function listRequests(ctx: PortalContext): Promise<Response> {
  const q = requestLogQuerySchema.parse(Object.fromEntries(ctx.url.searchParams));
  const directoryId = directoryOf(ctx).id;
  const p = await requestLogPage({
    directoryId,
    statusClass: q.status,
    resource: q.resource,
    person: q.q?.trim() || undefined,
    limit: q.limit,
    before: readCursor(q.cursor),
  });
  const [names, totals] = await Promise.all([namesForRows(directoryId, p.rows), q.cursor ? null : requestTotals(directoryId)]);
  return Response.json({ data: p.rows.map((r) => toPortalRequest(r, names)), nextCursor: pageCursor(p.next), totals });
}
