// What the portal says about an IdP connection, from the request log: nothing yet, working, or failing and why.
// 401s mean the IdP holds a wrong, revoked or expired token; other refusals are shown with the request and reason.
import { read } from '../db/database';
import { columns, decode } from '../db/rows';
import { all } from '../db/sql-program';

export interface RefusedRequest {
  method: string;
  path: string;
  status: number;
  error: string | null;
  at: string;
}

export type ConnectionStatus =
  | { state: 'waiting' }
  | { state: 'connected'; lastRequestAt: string; recentRefusals: RefusedRequest[] }
  | { state: 'failing'; lastRequestAt: string | null; reason: 'unauthorized' | 'refused'; latest: RefusedRequest; recentRefusals: RefusedRequest[] };

const WINDOW = 25;

/** 404 on a lookup by id is how IdPs check whether a user still exists: not a failure of the connection. */
const isRefusal = (status: number, method: string) => status >= 400 && !(status === 404 && method === 'GET');

export async function connectionStatus(directory: { id: string; lastRequestAt: Date | null }): Promise<ConnectionStatus> {
  // One indexed read of the newest rows ([directoryId, createdAt]); never a scan of the whole log.
  const cols = columns('ScimRequestLog', undefined, ['method', 'path', 'status', 'error', 'createdAt']);
  const rows = await read(() => all(`SELECT ${cols} FROM "ScimRequestLog" WHERE "directoryId" = ? ORDER BY "createdAt" DESC, "id" DESC LIMIT ${WINDOW}`, [directory.id]));
  const recent = rows.map((r) => decode('ScimRequestLog', r));
  if (recent.length === 0 && !directory.lastRequestAt) return { state: 'waiting' };
  const toRefused = (r: (typeof recent)[number]): RefusedRequest => ({
    method: r.method,
    path: r.path,
    status: r.status,
    error: r.error,
    at: r.createdAt.toISOString(),
  });
  const refusals = recent.filter((r) => isRefusal(r.status, r.method)).slice(0, 5).map(toRefused);
  const lastAuthorized = directory.lastRequestAt?.toISOString() ?? null;
  const newest = recent[0];
  if (newest && isRefusal(newest.status, newest.method)) {
    return {
      state: 'failing',
      lastRequestAt: lastAuthorized,
      reason: newest.status === 401 ? 'unauthorized' : 'refused',
      latest: toRefused(newest),
      recentRefusals: refusals,
    };
  }
  return { state: 'connected', lastRequestAt: lastAuthorized ?? newest!.createdAt.toISOString(), recentRefusals: refusals };
}
