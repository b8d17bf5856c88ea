// Portal sessions are next-auth JWTs (JWE, A256GCM, key derived from the portal secret): stateless, scoped to one
// organization, at most 6 hours. The same sealed token travels two ways, because a cross-origin iframe may not keep
// cookies (Safari blocks third-party cookies; others partition them): a `SameSite=None; Secure; Partitioned`
// cookie, and an `Authorization: Bearer` header that client code sends from sessionStorage.
import { decode, encode } from 'next-auth/jwt';
import { newId, randomBase62 } from '../ids';
import { SESSION_TTL_SECONDS } from './portal-config';
import type { ConsumedLink, PortalFeature } from './portal-links';
import { portalSecret } from './portal-secret';

export const SESSION_COOKIE = '__Host-portal-session';
/** A salt of its own keeps portal tokens apart from any other next-auth token sealed with the same secret. */
const SALT = 'scim-portal.session';

export interface PortalSession {
  sessionId: string;
  organizationId: string;
  hostId: string;
  features: PortalFeature[];
  returnUrl: string | null;
  /** Per-session value that mutations must echo in X-Portal-CSRF. */
  csrf: string;
  expiresAt: Date;
}

export async function openPortalSession(link: ConsumedLink): Promise<{ token: string; session: PortalSession }> {
  const sessionId = newId('psn');
  const csrf = randomBase62(32);
  const token = await encode({
    secret: portalSecret(),
    salt: SALT,
    maxAge: SESSION_TTL_SECONDS,
    token: { sub: sessionId, org: link.organizationId, host: link.hostId, features: link.features, returnUrl: link.returnUrl, csrf },
  });
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  return { token, session: { sessionId, csrf, expiresAt, ...link } };
}

/** The session sealed in `token`, or null when it is forged, tampered with or expired. */
export async function readPortalSession(token: string | null | undefined): Promise<PortalSession | null> {
  if (!token || token.length > 4096) return null;
  try {
    const t = await decode({ token, secret: portalSecret(), salt: SALT });
    if (!t || typeof t.sub !== 'string' || typeof t.org !== 'string' || typeof t.host !== 'string' || typeof t.csrf !== 'string') {
      return null;
    }
    const exp = typeof t.exp === 'number' ? t.exp * 1000 : 0;
    if (exp <= Date.now()) return null;
    return {
      sessionId: t.sub,
      organizationId: t.org,
      hostId: t.host,
      features: ['scim'],
      returnUrl: typeof t.returnUrl === 'string' ? t.returnUrl : null,
      csrf: t.csrf,
      expiresAt: new Date(exp),
    };
  } catch {
    return null;
  }
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
