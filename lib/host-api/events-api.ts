// Host API: GET /api/v1/events?after=&limit= (CONTRACT.md): oldest first, stable cursors.
import { decodeEventCursor, encodeEventCursor, listEvents, toEnvelope } from '../events/feed';
import { listEventsQuerySchema } from '../schemas/role';
import { queryObject } from '../schemas/pagination';
import { ApiError } from './api-error';
import type { ApiContext } from './with-api-key';

export async function getEvents({ db, hostId, url }: ApiContext): Promise<Response> {
  const q = listEventsQuerySchema.parse(queryObject(url));
  const afterSeq = q.after ? decodeEventCursor(q.after) : 0;
  if (afterSeq === null) throw new ApiError('invalid_request', 400, 'after: invalid cursor');
  const rows = await listEvents(db, { hostId, afterSeq, limit: q.limit });
  const last = rows[rows.length - 1];
  // The cursor always advances to the last event returned; with no new events it stays where the caller was,
  // so polling with nextCursor never skips or repeats.
  return Response.json({ data: rows.map(toEnvelope), nextCursor: last ? encodeEventCursor(last.seq) : (q.after ?? null) });
}
