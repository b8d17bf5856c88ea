// GET /portal/link/{token}: trades a single-use link for a portal session, then redirects so the link token leaves
// the address bar. The session goes back two ways (see portal-session.ts): the cookie, and a URL fragment that the
// portal's client code moves into sessionStorage at once. A fragment is never sent to a server or in a Referer.
import { getDb } from '../../db/client';
import { transaction } from '../../db/transaction';
import { consumePortalLink } from '../portal-links';
import { openPortalSession, sessionCookie } from '../portal-session';

const NO_STORE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

export async function exchangePortalLink(token: string): Promise<Response> {
  try {
    const db = await getDb();
    // The use and its audit entry commit together.
    const r = await transaction(db, (tx) => consumePortalLink(tx, token));
    if (!r.ok) return redirect(`/portal/link-error?reason=${r.reason}`);
    const { token: sealed, session } = await openPortalSession(r.link);
    const res = redirect(`/portal/scim#s=${encodeURIComponent(sealed)}`);
    res.headers.append('Set-Cookie', sessionCookie(sealed, session.expiresAt));
    return res;
  } catch (e) {
    console.error(`portal link exchange failed: ${(e as Error)?.stack ?? String(e)}`);
    return redirect('/portal/link-error?reason=error');
  }
}

/** A relative Location keeps the redirect on the origin the browser used, whatever PUBLIC_URL says. */
function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
}
