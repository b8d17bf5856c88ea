// What one portal session may do: writes per session and per organization (rate limits shared across app
// processes, 429 with Retry-After), and caps on the directories of an organization and the live tokens of a
// directory that the portal creates (the host API, the host's own trusted caller, is not capped).
import type { Tx } from '../db/client';
import { lockRow } from '../db/row-lock';
import { ApiError } from '../host-api/api-error';
import { hit, rateLimitsEnabled, type Verdict } from '../rate-limit/limiter';
import type { PortalSession } from './portal-session';

const positive = (name: string, fallback: number) => {
  const n = Math.floor(Number(process.env[name]));
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

let settings: { sessionWrites: number; organizationWrites: number; directories: number; liveTokens: number } | undefined;

/** Read from the environment once. */
export function portalLimits() {
  return (settings ??= {
    sessionWrites: positive('RATE_LIMIT_PORTAL_SESSION_WRITES_PER_MINUTE', 30),
    organizationWrites: positive('RATE_LIMIT_PORTAL_ORG_WRITES_PER_MINUTE', 60),
    directories: positive('PORTAL_MAX_DIRECTORIES', 10),
    liveTokens: positive('PORTAL_MAX_LIVE_TOKENS', 5),
  });
}

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
export async function assertRoomForDirectory(tx: Tx, organizationId: string): Promise<void> {
  await lockRow(tx, 'organization', organizationId);
  const max = portalLimits().directories;
  if ((await tx.directory.count({ where: { organizationId } })) >= max) {
    throw new ApiError('limit_reached', 409, `This organization already has ${max} directories, the most the portal can add; remove one first`);
  }
}

/** Inside the transaction that mints a token: live tokens are those neither revoked nor expired. */
export async function assertRoomForToken(tx: Tx, directoryId: string): Promise<void> {
  await lockRow(tx, 'directory', directoryId);
  const max = portalLimits().liveTokens;
  const live = await tx.directoryToken.count({ where: { directoryId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } });
  if (live >= max) throw new ApiError('limit_reached', 409, `This directory already has ${max} active tokens; revoke one first`);
}
