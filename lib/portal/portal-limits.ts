// What one portal session may do: writes per session and per organization (rate limits shared across app
// processes, 429 with Retry-After), and caps on the directories of an organization and the live tokens of a
// directory that the portal creates (the host API, the host's own trusted caller, is not capped).
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import { countOrganizationDirectories } from '../directory/directories';
import { countLiveTokens } from '../directory/tokens';
import { portalLimitSettings } from '../env';
import { ApiError } from '../host-api/api-error';
import { hit, rateLimitsEnabled, type Verdict } from '../rate-limit/limiter';
import type { PortalSession } from './portal-session';

/** The portal's write rates and caps (lib/env/limits.ts). */
export const portalLimits = portalLimitSettings;

/**
 * The verdict of the limit a portal write is over, or null. A write the session's own limit refuses is not counted
 * against the organization, so one runaway session cannot use up what the organization's other sessions have.
 */
export function portalWriteLimit(session: Pick<PortalSession, 'sessionId' | 'organizationId'>): Verdict | null {
  if (!rateLimitsEnabled()) return null;
  const l = portalLimits();
  const bySession = hit(`portal-session:${session.sessionId}`, { limit: l.sessionWrites, windowSec: 60 });
  if (!bySession.ok) return bySession;
  const byOrganization = hit(`portal-org:${session.organizationId}`, { limit: l.organizationWrites, windowSec: 60 });
  return byOrganization.ok ? null : byOrganization;
}

/** Inside the transaction that adds a directory: the organization's row is locked, so racing adds cannot pass the cap. */
export function* assertRoomForDirectory(env: SqlEnv, organizationId: string): SqlProgram<void> {
  for (const op of env.dialect.lockRows('Organization', [organizationId])) yield op;
  const max = portalLimits().directories;
  if ((yield* countOrganizationDirectories(organizationId)) >= max) {
    throw new ApiError('limit_reached', 409, `This organization already has ${max} directories, the most the portal can add; remove one first`);
  }
}

/** Inside the transaction that mints a token: live tokens are those neither revoked nor expired. */
export function* assertRoomForToken(env: SqlEnv, directoryId: string): SqlProgram<void> {
  for (const op of env.dialect.lockRows('Directory', [directoryId])) yield op;
  const max = portalLimits().liveTokens;
  if ((yield* countLiveTokens(env, directoryId)) >= max)
    throw new ApiError('limit_reached', 409, `This directory already has ${max} active tokens; revoke one first`);
}
