// The portal link page's one step: the browser posts the link to the exchange (POST /api/portal/session) and keeps
// the session it gets for this tab. Fetching the link's URL alone (a HEAD, a link unfurler) runs none of this.
import { PortalApiError, portalFetch } from './portal-fetch';
import { adoptSession } from './session-token';

export type LinkOutcome = { ok: true } | { ok: false; reason: 'used' | 'expired' | 'invalid' | 'error' };

const REASONS: Record<string, 'used' | 'expired' | 'invalid'> = {
  link_used: 'used',
  link_expired: 'expired',
  link_invalid: 'invalid',
  invalid_request: 'invalid',
};

export async function openPortalLink(link: string): Promise<LinkOutcome> {
  try {
    const { token } = await portalFetch<{ token: string; expiresAt: string }>('/session', { method: 'POST', body: { link } });
    adoptSession(token);
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: (e instanceof PortalApiError && REASONS[e.code]) || 'error' };
  }
}
