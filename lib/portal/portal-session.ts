// Portal sessions: opened only by a link exchange, each a PortalSession row scoped to one organization, at most
// 6 hours. The token is 256 random bits behind a prefix and only its SHA-256 hash is stored, so checking one is a
// single lookup on a unique index, and deleting the row (sign-out, the host ending it, the organization's
// deletion by cascade) ends it at once in every process. The token travels two ways, because a cross-origin
// iframe may not keep cookies (Safari blocks third-party cookies; others partition them): a `SameSite=None; Secure;
// Partitioned` cookie, and an `Authorization: Bearer` header that client code sends from sessionStorage.
import { createHash } from 'node:crypto';
import { lookup, write } from '../db/database';
import { columns, decode, insertOp } from '../db/rows';
import { changes, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { newId, randomBase62 } from '../ids';
import { hashSecret } from '../secrets/secret-token';
import { SESSION_TTL_SECONDS } from './portal-config';
import type { ConsumedLink, PortalFeature } from './portal-links';

export const SESSION_COOKIE = '__Host-portal-session';
const PREFIX = 'scimp_ps_';

export interface PortalSession {
  sessionId: string;
  organizationId: string;
  hostId: string;
  features: PortalFeature[];
  returnUrl: string | null;
  /** Set when an operator opened this portal from the dashboard: its actions are audited as that operator. */
  operatorId: string | null;
  /** Per-session value that mutations must echo in X-Portal-CSRF. */
  csrf: string;
  expiresAt: Date;
}

/** Derived from the token (which the database does not hold), so nothing more is stored. */
function csrfFor(token: string): string {
  return createHash('sha256').update(`scim-portal csrf\0${token}`).digest('base64url').slice(0, 32);
}

export function* openPortalSession(env: SqlEnv, link: ConsumedLink): SqlProgram<{ token: string; session: PortalSession }> {
  const token = PREFIX + randomBase62(43);
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  const id = newId('pss');
  yield* changes(
    insertOp(env.dialect, 'PortalSession', [
      {
        id,
        organizationId: link.organizationId,
        hostId: link.hostId,
        tokenHash: hashSecret(token),
        features: JSON.stringify(link.features),
        returnUrl: link.returnUrl,
        operatorId: link.operatorId ?? null,
        expiresAt,
      },
    ]),
  );
  return { token, session: { sessionId: id, csrf: csrfFor(token), expiresAt, ...link, operatorId: link.operatorId ?? null } };
}

const looksLikeToken = (t: string) => t.startsWith(PREFIX) && t.length === PREFIX.length + 43;

/** The live session of `token`, or null when it is unknown, ended or expired. One lookup by the token's hash. */
export async function findPortalSession(token: string | null | undefined): Promise<PortalSession | null> {
  if (!token || !looksLikeToken(token)) return null;
  const [found] = await lookup(`SELECT ${columns('PortalSession')} FROM "PortalSession" WHERE "tokenHash" = ?`, [hashSecret(token)]);
  const row = found ? decode('PortalSession', found) : null;
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return {
    sessionId: row.id,
    organizationId: row.organizationId,
    hostId: row.hostId,
    features: ['scim'],
    returnUrl: row.returnUrl,
    operatorId: row.operatorId,
    csrf: csrfFor(token),
    expiresAt: row.expiresAt,
  };
}

/** Ends one session (the portal's own sign-out). */
export async function endPortalSession(sessionId: string): Promise<void> {
  await write(() => run(`DELETE FROM "PortalSession" WHERE "id" = ?`, [sessionId]));
}

/** Ends every session of an organization (the host's call); returns how many rows there were. */
export function* endOrganizationPortalSessions(organizationId: string): SqlProgram<number> {
  return yield* run(`DELETE FROM "PortalSession" WHERE "organizationId" = ?`, [organizationId]);
}

/** Expired rows, for the retention job: an expired session is refused whether or not its row is still there. */
export function deleteExpiredPortalSessions(now = new Date()): Promise<number> {
  return write(() => run(`DELETE FROM "PortalSession" WHERE "expiresAt" <= ?`, [now]));
}

/** `Partitioned` (CHIPS) lets Chromium keep the cookie in a third-party iframe once third-party cookies are off. */
export function sessionCookie(token: string, expiresAt: Date): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Expires=${expiresAt.toUTCString()}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned`;
}

export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}
