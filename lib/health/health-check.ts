// The periodic health check: re-evaluates the directories whose health may have moved (a request since the last
// check, or silence past their provider's cycle), stores the new health and emits directory.health.changed once
// per change, and directory.connected once per directory at its first authenticated request. The stored value is
// changed by a conditional UPDATE (from the health it was), so any number of app processes emit each change once.
import { jobSettings } from '../env';
import { read, write } from '../db/database';
import { columns, decode, updateOp } from '../db/rows';
import { all, changes, one, type SqlProgram } from '../db/sql-program';
import type { PendingEvent } from '../events/event-types';
import { writeEventsSql } from '../events/write-events';
import { SYNC_CYCLE_MINUTES, silentAfterMs, type Health, type HealthState } from './directory-health';
import { readDirectoryHealth, type HealthRow } from './read-health';

interface Candidate extends HealthRow {
  organizationId: string;
  name: string;
  health: string;
  connectedAt: Date | null;
  hostId: string;
}

/** Requests are logged up to a flush (250 ms) after they happen: each check looks back this much further. */
const OVERLAP_MS = 5_000;

/** Directories with a request since `since`, and those connected whose provider's cycle has passed in silence. */
function* candidates(since: Date, now: Date): SqlProgram<Candidate[]> {
  const providers = Object.keys(SYNC_CYCLE_MINUTES);
  const silent = providers.map(() => `(d."provider" = ? AND d."health" = 'connected' AND d."lastRequestAt" < ?)`);
  const params = providers.flatMap((provider) => [provider, new Date(now.getTime() - silentAfterMs(provider)!)]);
  const rows = yield* all(
    `SELECT ${columns('Directory', 'd')}, o."hostId" AS "hostId" FROM "Directory" d JOIN "Organization" o ON o."id" = d."organizationId"
     WHERE d."lastRequestAt" > ? OR d."lastUnauthenticatedAt" > ?${silent.map((c) => ` OR ${c}`).join('')}`,
    [since, since, ...params],
  );
  return rows.map((r) => ({ ...decode('Directory', r), hostId: String(r.hostId) }));
}

function healthEventData(d: Pick<Candidate, 'id' | 'organizationId' | 'provider' | 'name'>, h: Health, previous: string) {
  return {
    id: d.id,
    organizationId: d.organizationId,
    provider: d.provider,
    name: d.name,
    health: h.state,
    reason: h.reason,
    previousHealth: previous,
    lastRequestAt: h.lastRequestAt?.toISOString() ?? null,
    authFailures: h.authFailures,
  };
}

/** Stores one directory's new health and its events; false when another process changed it first. */
function applyChange(d: Candidate, h: Health, now: Date): Promise<boolean> {
  return write(function* (env) {
    const events: PendingEvent[] = [];
    const set = { health: h.state, healthReason: h.reason, healthChangedAt: now };
    const moved = yield* changes(updateOp(env.dialect, 'Directory', set, `"id" = ? AND "health" = ?`, [d.id, d.health]));
    if (moved > 0) events.push({ type: 'directory.health.changed', data: healthEventData(d, h, d.health), previousAttributes: { health: d.health } });
    if (!d.connectedAt && h.lastRequestAt) {
      const first = yield* one(`SELECT "createdAt" FROM "ScimRequestLog" WHERE "directoryId" = ? ORDER BY "createdAt", "id" LIMIT 1`, [d.id]);
      const connectedAt = first ? decode('ScimRequestLog', first).createdAt : h.lastRequestAt;
      const connected = yield* changes(updateOp(env.dialect, 'Directory', { connectedAt }, `"id" = ? AND "connectedAt" IS NULL`, [d.id]));
      if (connected > 0) {
        events.unshift({
          type: 'directory.connected',
          data: { id: d.id, organizationId: d.organizationId, provider: d.provider, name: d.name, connectedAt: connectedAt.toISOString() },
        });
      }
    }
    if (events.length) yield* writeEventsSql(env, { hostId: d.hostId, organizationId: d.organizationId, directoryId: d.id }, events);
    return moved > 0;
  });
}

/** Checks the directories active since `since` (and those gone quiet); returns how many changed health. */
export async function checkDirectoryHealth({ since, now = new Date() }: { since: Date; now?: Date }): Promise<number> {
  let changed = 0;
  for (const d of await read(() => candidates(new Date(since.getTime() - OVERLAP_MS), now))) {
    const h = await readDirectoryHealth(d, now);
    if (h.state === (d.health as HealthState) && (d.connectedAt || !h.lastRequestAt)) continue;
    if (await applyChange(d, h, now)) changed++;
  }
  return changed;
}

let timer: NodeJS.Timeout | null = null;

/** Every HEALTH_CHECK_INTERVAL_MS (default 10 s); the first run looks back a day. */
export function startHealthJob(everyMs = jobSettings().healthCheckIntervalMs): void {
  if (timer) return;
  let since = new Date(Date.now() - 86_400_000);
  const run = async () => {
    const started = new Date();
    try {
      await checkDirectoryHealth({ since, now: started });
      since = started;
    } catch (e) {
      console.error(`health check: ${(e as Error).message}`);
    }
  };
  timer = setInterval(() => void run(), everyMs);
  timer.unref();
}

export function stopHealthJob(): void {
  if (timer) clearInterval(timer);
  timer = null;
}
