// A directory's health as lib/health/directory-health.ts defines it, read from the database: the directory row's
// counters and one indexed read of the newest request-log rows. The portal, the dashboard and the health check
// all read it here.
import type { Tx } from '../db/client';
import { directoryHealth, RECENT_WINDOW, type Health, type LoggedRequest } from './directory-health';

export interface HealthRow {
  id: string;
  provider: string;
  lastRequestAt: Date | null;
  unauthenticatedRequests: number;
  lastUnauthenticatedAt: Date | null;
  authFailuresSeen: number;
}

/** The newest request-log rows of a directory ([directoryId, createdAt] index), newest first. */
function recentRequests(db: Tx, directoryId: string, take = RECENT_WINDOW): Promise<LoggedRequest[]> {
  return db.scimRequestLog.findMany({
    where: { directoryId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { method: true, path: true, status: true, error: true, createdAt: true },
  });
}

export async function readDirectoryHealth(db: Tx, d: HealthRow, now = new Date()): Promise<Health> {
  return directoryHealth({ ...d, recent: await recentRequests(db, d.id), now });
}
