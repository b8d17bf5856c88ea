// What the portal and the dashboard say about an IdP connection: its health (lib/health, the one definition), the
// requests without a valid token (counted on the directory, never logged) and the recently refused requests, each
// a warning shown with its reason.
import { isRoutine, SYNC_CYCLE_MINUTES, type HealthReason, type HealthState } from '../health/directory-health';
import { readDirectoryHealth, type HealthRow } from '../health/read-health';

export interface RefusedRequest {
  method: string;
  path: string;
  status: number;
  error: string | null;
  at: string;
  /** Part of a working connection (a 404 lookup, a 409 Okta links, 403 while disabled): never a change of health. */
  routine: boolean;
}

/** Requests without a valid token: counted, never logged (lib/scim/request-log.ts), so only how many and when. */
interface Unauthenticated {
  count: number;
  lastAt: string;
  /** Of them, since the last authenticated request. */
  sinceLastAccepted: number;
}

export interface ConnectionStatus {
  state: HealthState;
  reason: HealthReason;
  lastRequestAt: string | null;
  unauthenticated: Unauthenticated | null;
  recentRefusals: RefusedRequest[];
  /** The provider's sync cycle in minutes; null when it pushes on change (and is never silent). */
  syncCycleMinutes: number | null;
}

export async function connectionStatus(directory: HealthRow): Promise<ConnectionStatus> {
  const h = await readDirectoryHealth(directory);
  const last = directory.lastUnauthenticatedAt;
  return {
    state: h.state,
    reason: h.reason,
    lastRequestAt: h.lastRequestAt?.toISOString() ?? null,
    unauthenticated: last ? { count: directory.unauthenticatedRequests, lastAt: last.toISOString(), sinceLastAccepted: h.authFailures } : null,
    recentRefusals: h.refusals
      .slice(0, 5)
      .map((r) => ({ method: r.method, path: r.path, status: r.status, error: r.error, at: r.createdAt.toISOString(), routine: isRoutine(r) })),
    syncCycleMinutes: SYNC_CYCLE_MINUTES[directory.provider] ?? null,
  };
}
