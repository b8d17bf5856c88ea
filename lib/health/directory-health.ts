// The one definition of an IdP connection's health, shared by the portal, the dashboard, the host API and the
// directory.health.changed event: waiting (no authenticated request yet), connected, degraded (the IdP's requests
// are refused repeatedly: auth failures since it last got in, or a run of errors), silent (no request for longer
// than the provider's sync cycle allows). A single refused request is a warning, never a change of health.
// Pure: it reads what the request log and the directory row already record, and nothing else.

export const HEALTH_STATES = ['waiting', 'connected', 'degraded', 'silent'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];
export type HealthReason = 'auth_failures' | 'errors' | 'no_requests' | null;

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  error: string | null;
  createdAt: Date;
}

export interface HealthInputs {
  provider: string;
  /** When the request log's batch holding the newest authenticated request was written. */
  lastRequestAt: Date | null;
  /** The newest logged (authenticated) requests, newest first: RECENT_WINDOW of them at most. */
  recent: LoggedRequest[];
  unauthenticatedRequests: number;
  lastUnauthenticatedAt: Date | null;
  /** unauthenticatedRequests when an authenticated request was last logged (lib/scim/request-log.ts). */
  authFailuresSeen: number;
  now: Date;
}

export interface Health {
  state: HealthState;
  reason: HealthReason;
  /** The newest authenticated request, or null while waiting. */
  lastRequestAt: Date | null;
  /** Requests without a valid token since the last authenticated one (counted, never logged). */
  authFailures: number;
  /** Refused requests among the recent ones, newest first: warnings, shown in the portal. */
  refusals: LoggedRequest[];
}

/** How many of the newest log rows health reads: one indexed read, never a scan of the log. */
export const RECENT_WINDOW = 25;
/** Requests without a valid token in a row, since the IdP last got in, that make a connection degraded. */
const AUTH_FAILURES_DEGRADED = 3;
/** Refused requests in a row, newest first, that make a connection degraded. */
const ERROR_RUN_DEGRADED = 3;

/**
 * Providers that call on a schedule, with their cycle: silence past it plus a grace means something stopped.
 * Entra runs an incremental cycle about every 40 minutes; Okta, OneLogin, JumpCloud and PingOne push on change,
 * so a quiet week is normal for them and they are never silent.
 */
export const SYNC_CYCLE_MINUTES: Record<string, number> = { entra: 40 };
const SILENT_GRACE_MINUTES = 20;

export function silentAfterMs(provider: string): number | null {
  const cycle = SYNC_CYCLE_MINUTES[provider];
  return cycle === undefined ? null : (cycle + SILENT_GRACE_MINUTES) * 60_000;
}

/**
 * Refusals that are part of a working connection: an existence check by id (GET 404), Okta's create of a
 * user that already exists, which it then links (409), and any request while the admin has the directory
 * disabled (403).
 */
export function isRoutine(r: Pick<LoggedRequest, 'status' | 'method'>): boolean {
  return (r.status === 404 && r.method === 'GET') || r.status === 409 || r.status === 403;
}

const isRefusal = (r: Pick<LoggedRequest, 'status'>) => r.status >= 400;

export function directoryHealth(i: HealthInputs): Health {
  const newest = i.recent[0]?.createdAt ?? i.lastRequestAt;
  const failedSince = i.lastUnauthenticatedAt !== null && (newest === null || i.lastUnauthenticatedAt > newest);
  const authFailures = failedSince ? Math.max(1, i.unauthenticatedRequests - i.authFailuresSeen) : 0;
  const refusals = i.recent.filter(isRefusal);
  const base = { lastRequestAt: newest, authFailures, refusals };
  if (authFailures >= AUTH_FAILURES_DEGRADED) return { state: 'degraded', reason: 'auth_failures', ...base };
  const head = i.recent.slice(0, ERROR_RUN_DEGRADED);
  if (head.length === ERROR_RUN_DEGRADED && head.every((r) => isRefusal(r) && !isRoutine(r))) return { state: 'degraded', reason: 'errors', ...base };
  if (newest === null) return { state: 'waiting', reason: null, ...base };
  const silent = silentAfterMs(i.provider);
  if (silent !== null && i.now.getTime() - newest.getTime() > silent) return { state: 'silent', reason: 'no_requests', ...base };
  return { state: 'connected', reason: null, ...base };
}
