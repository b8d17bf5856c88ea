// What the portal says about an IdP connection, from the request log: nothing yet, working, or failing and why.
// Requests without a valid token (counted on the directory, not logged) after the last good one mean the IdP holds a
// wrong, revoked or expired token; other refusals are shown with the request and reason.
import type { Tx } from '../db/client';

export interface RefusedRequest {
  method: string;
  path: string;
  status: number;
  error: string | null;
  at: string;
}

/** Requests without a valid token: counted, never logged (lib/scim/request-log.ts), so only how many and when. */
export interface Unauthenticated {
  count: number;
  lastAt: string;
}

export type ConnectionStatus =
  | { state: 'waiting' }
  | { state: 'connected'; lastRequestAt: string; recentRefusals: RefusedRequest[]; unauthenticated: Unauthenticated | null }
  | { state: 'failing'; lastRequestAt: string | null; reason: 'unauthorized'; unauthenticated: Unauthenticated; recentRefusals: RefusedRequest[] }
  | { state: 'failing'; lastRequestAt: string | null; reason: 'refused'; latest: RefusedRequest; recentRefusals: RefusedRequest[]; unauthenticated: Unauthenticated | null };

const WINDOW = 25;

/** 404 on a lookup by id is how IdPs check whether a user still exists: not a failure of the connection. */
const isRefusal = (status: number, method: string) => status >= 400 && !(status === 404 && method === 'GET');

type Seen = { id: string; lastRequestAt: Date | null; unauthenticatedRequests: number; lastUnauthenticatedAt: Date | null };

export async function connectionStatus(db: Tx, directory: Seen): Promise<ConnectionStatus> {
  // One indexed read of the newest rows ([directoryId, createdAt]); never a scan of the whole log.
  const recent = await db.scimRequestLog.findMany({
    where: { directoryId: directory.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: WINDOW,
    select: { method: true, path: true, status: true, error: true, createdAt: true },
  });
  const lastFailed = directory.lastUnauthenticatedAt;
  const unauthenticated = lastFailed ? { count: directory.unauthenticatedRequests, lastAt: lastFailed.toISOString() } : null;
  if (recent.length === 0 && !directory.lastRequestAt && !unauthenticated) return { state: 'waiting' };
  const toRefused = (r: (typeof recent)[number]): RefusedRequest => ({
    method: r.method,
    path: r.path,
    status: r.status,
    error: r.error,
    at: r.createdAt.toISOString(),
  });
  const refusals = recent.filter((r) => isRefusal(r.status, r.method)).slice(0, 5).map(toRefused);
  const lastAuthorized = directory.lastRequestAt?.toISOString() ?? null;
  // Refused for its token after the last request with a valid one: most likely the IdP holds a wrong token. Compared
  // with the newest logged request's own time (lastRequestAt is when its batch was written).
  const lastAccepted = recent[0]?.createdAt ?? directory.lastRequestAt;
  if (unauthenticated && (!lastAccepted || lastFailed! > lastAccepted)) {
    return { state: 'failing', lastRequestAt: lastAuthorized, reason: 'unauthorized', unauthenticated, recentRefusals: refusals };
  }
  const newest = recent[0];
  if (newest && isRefusal(newest.status, newest.method)) {
    return { state: 'failing', lastRequestAt: lastAuthorized, reason: 'refused', latest: toRefused(newest), recentRefusals: refusals, unauthenticated };
  }
  return { state: 'connected', lastRequestAt: lastAuthorized ?? newest!.createdAt.toISOString(), recentRefusals: refusals, unauthenticated };
}
