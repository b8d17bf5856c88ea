// Host API: GET /api/v1/events?after=&limit= (CONTRACT.md): oldest first, opaque cursors (lib/events/cursor.ts).
// A cursor whose following events were purged (EVENT_RETENTION_DAYS), or of the old `e:<seq>` format, answers
// 410 cursor_expired: start again without `after` (events may repeat; their ids tell them apart).
import { read } from '../db/database';
import { decodeCursor, encodeCursor, isLegacyCursor } from '../events/cursor';
import { purgedThrough } from '../events/event-retention';
import { listEvents, settledEventEnd, toEnvelope } from '../events/feed';
import { listEventsQuerySchema } from '../schemas/role';
import { queryObject } from '../schemas/pagination';
import { ApiError } from './api-error';
import type { ApiContext } from './with-api-key';

const expired = () =>
  new ApiError('cursor_expired', 410, 'after: events after this cursor are no longer kept; call again without after to start at the oldest kept event');

export async function getEvents({ hostId, url }: ApiContext): Promise<Response> {
  const q = listEventsQuerySchema.parse(queryObject(url));
  const afterSeq = q.after ? decodeCursor('events', hostId, q.after) : 0;
  if (afterSeq === null) throw q.after && isLegacyCursor(q.after) ? expired() : new ApiError('invalid_request', 400, 'after: invalid cursor');
  const throughSeq = await settledEventEnd(hostId);
  const { purged, rows } = await read(function* () {
    return { purged: afterSeq > 0 ? yield* purgedThrough(hostId) : 0, rows: yield* listEvents({ hostId, afterSeq, throughSeq, limit: q.limit }) };
  });
  if (afterSeq > 0 && afterSeq < purged) throw expired();
  const last = rows[rows.length - 1];
  // The cursor always advances to the last event returned; with no new events it stays where the caller was,
  // so polling with nextCursor never skips or repeats.
  return Response.json({ data: rows.map(toEnvelope), nextCursor: last ? encodeCursor('events', hostId, last.seq) : (q.after ?? null) });
}
