// Events are kept EVENT_RETENTION_DAYS, then purged with their webhook deliveries (and, by cascade, their attempts).
// Per host, from the oldest event on, a batch per transaction; EventRetention keeps the newest seq purged, which
// is what tells a feed cursor that lost events (410) from one that merely waited through a quiet month.
import { asDate, asInt } from '../db/rows';
import { write } from '../db/database';
import { all, one, run, type SqlProgram } from '../db/sql-program';

const BATCH = 1_000;

/** Purges the host's events created before `cutoff`; returns how many. */
export async function purgeOldEvents(hostId: string, cutoff: Date, now = new Date()): Promise<number> {
  let removed = 0;
  for (;;) {
    const n = await write(function* () {
      // Events of a host are in seq order by time (seq is taken under the host's lock): the old ones come first.
      const front = yield* all(`SELECT "seq", "createdAt" FROM "Event" WHERE "hostId" = ? ORDER BY "seq" LIMIT ?`, [hostId, BATCH]);
      const old = front.filter((r) => asDate(r.createdAt) < cutoff);
      if (old.length === 0) return 0;
      const through = asInt(old[old.length - 1].seq);
      yield* run(`DELETE FROM "WebhookDelivery" WHERE "endpointId" IN (SELECT "id" FROM "WebhookEndpoint" WHERE "hostId" = ?) AND "eventSeq" <= ?`, [
        hostId,
        through,
      ]);
      const n = yield* run(`DELETE FROM "Event" WHERE "hostId" = ? AND "seq" <= ? AND "createdAt" < ?`, [hostId, through, cutoff]);
      yield* run(
        `INSERT INTO "EventRetention" ("hostId", "purgedThroughSeq", "updatedAt") VALUES (?, ?, ?)
         ON CONFLICT ("hostId") DO UPDATE SET "purgedThroughSeq" = excluded."purgedThroughSeq", "updatedAt" = excluded."updatedAt"`,
        [hostId, through, now],
      );
      return n;
    });
    removed += n;
    if (n < BATCH) return removed;
  }
}

/** The newest seq of the host's purged events (0: none purged). */
export function* purgedThrough(hostId: string): SqlProgram<number> {
  const r = yield* one(`SELECT "purgedThroughSeq" FROM "EventRetention" WHERE "hostId" = ?`, [hostId]);
  return r ? asInt(r.purgedThroughSeq) : 0;
}
