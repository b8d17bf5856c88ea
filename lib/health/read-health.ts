// A directory's health as lib/health/directory-health.ts defines it, read from the database: the directory row's
// counters and one indexed read of the newest request-log rows. The portal, the dashboard and the health check
// all read it here.
import { read } from '../db/database';
import { columns, decoder } from '../db/rows';
import { all, type SqlProgram } from '../db/sql-program';
import { directoryHealth, RECENT_WINDOW, type Health, type LoggedRequest } from './directory-health';

export interface HealthRow {
  id: string;
  provider: string;
  lastRequestAt: Date | null;
  unauthenticatedRequests: number;
  lastUnauthenticatedAt: Date | null;
  authFailuresSeen: number;
}

const LOGGED = ['method', 'path', 'status', 'error', 'createdAt'] as const;
const loggedRequest = decoder('ScimRequestLog', LOGGED);

/** The newest request-log rows of a directory ([directoryId, createdAt] index), newest first. */
function* recentRequests(directoryId: string, take = RECENT_WINDOW): SqlProgram<LoggedRequest[]> {
  const rows = yield* all(
    `SELECT ${columns('ScimRequestLog', undefined, LOGGED)} FROM "ScimRequestLog" WHERE "directoryId" = ? ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`,
    [directoryId, take],
  );
  return rows.map(loggedRequest);
}

export async function readDirectoryHealth(d: HealthRow, now = new Date()): Promise<Health> {
  return directoryHealth({ ...d, recent: await read(() => recentRequests(d.id)), now });
}
