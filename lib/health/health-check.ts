// The periodic health check: re-evaluates the directories whose health may have moved (a request since the last
// check, or silence past their provider's cycle), stores the new health and emits directory.health.changed once
// per change, and directory.connected once per directory at its first authenticated request. The stored value is
// changed by a conditional UPDATE (from the health it was), so any number of app processes emit each change once.
import type { Db } from '../db/client';
import { transaction } from '../db/transaction';
import type { PendingEvent } from '../events/event-types';
import { writeEvents } from '../events/write-events';
import { SYNC_CYCLE_MINUTES, silentAfterMs, type Health, type HealthState } from './directory-health';
import { readDirectoryHealth, type HealthRow } from './read-health';

interface Candidate extends HealthRow {
  organizationId: string;
  name: string;
  health: string;
  connectedAt: Date | null;
  organization: { hostId: string };
}

/** Requests are logged up to a flush (250 ms) after they happen: each check looks back this much further. */
const OVERLAP_MS = 5_000;

function candidates(db: Db, since: Date, now: Date): Promise<Candidate[]> {
  const silentCandidates = Object.keys(SYNC_CYCLE_MINUTES).map((provider) => ({
    provider,
    health: 'connected',
    lastRequestAt: { lt: new Date(now.getTime() - silentAfterMs(provider)!) },
  }));
  return db.directory.findMany({
    where: { OR: [{ lastRequestAt: { gt: since } }, { lastUnauthenticatedAt: { gt: since } }, ...silentCandidates] },
    select: {
      id: true, organizationId: true, provider: true, name: true, health: true, connectedAt: true, lastRequestAt: true,
      unauthenticatedRequests: true, lastUnauthenticatedAt: true, authFailuresSeen: true, organization: { select: { hostId: true } },
    },
  });
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
async function applyChange(db: Db, d: Candidate, h: Health, now: Date): Promise<boolean> {
  return transaction(db, async (tx) => {
    const events: PendingEvent[] = [];
    const moved = await tx.directory.updateMany({ where: { id: d.id, health: d.health }, data: { health: h.state, healthReason: h.reason, healthChangedAt: now } });
    if (moved.count > 0) events.push({ type: 'directory.health.changed', data: healthEventData(d, h, d.health), previousAttributes: { health: d.health } });
    if (!d.connectedAt && h.lastRequestAt) {
      const first = await tx.scimRequestLog.findFirst({ where: { directoryId: d.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { createdAt: true } });
      const connectedAt = first?.createdAt ?? h.lastRequestAt;
      const connected = await tx.directory.updateMany({ where: { id: d.id, connectedAt: null }, data: { connectedAt } });
      if (connected.count > 0) {
        events.unshift({ type: 'directory.connected', data: { id: d.id, organizationId: d.organizationId, provider: d.provider, name: d.name, connectedAt: connectedAt.toISOString() } });
      }
    }
    if (events.length) await writeEvents(tx, { hostId: d.organization.hostId, organizationId: d.organizationId, directoryId: d.id }, events);
    return moved.count > 0;
  });
}

/** Checks the directories active since `since` (and those gone quiet); returns how many changed health. */
export async function checkDirectoryHealth(db: Db, { since, now = new Date() }: { since: Date; now?: Date }): Promise<number> {
  let changed = 0;
  for (const d of await candidates(db, new Date(since.getTime() - OVERLAP_MS), now)) {
    const h = await readDirectoryHealth(db, d, now);
    if (h.state === (d.health as HealthState) && (d.connectedAt || !h.lastRequestAt)) continue;
    if (await applyChange(db, d, h, now)) changed++;
  }
  return changed;
}

let timer: NodeJS.Timeout | null = null;

/** Every HEALTH_CHECK_INTERVAL_MS (default 10 s); the first run looks back a day. */
export function startHealthJob(everyMs = Number(process.env.HEALTH_CHECK_INTERVAL_MS) || 10_000): void {
  if (timer) return;
  let since = new Date(Date.now() - 86_400_000);
  const run = async () => {
    const started = new Date();
    try {
      const { getDb } = await import('../db/client');
      await checkDirectoryHealth(await getDb(), { since, now: started });
      since = started;
    } catch (e) {
      console.error(`health check: ${(e as Error).message}`);
    }
  };
  timer = setInterval(() => void run(), everyMs);
  timer.unref();
}
