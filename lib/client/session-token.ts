// Where the client keeps its portal session token: sessionStorage (per tab, and partitioned per top-level site in
// a third-party iframe, so it works where cookies do not), with an in-memory copy for browsers that refuse storage.
const KEY = 'scim-portal.session';
const PARENT_KEY = 'scim-portal.parent-origin';

let memory: string | null = null;
let csrf: string | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Keeps the session the link exchange just opened (lib/client/open-portal-link.ts): the only way a session enters a
 * tab. A session is never taken from the URL, so a crafted address cannot put someone else's session in this tab.
 */
export function adoptSession(token: string): void {
  memory = token;
  try {
    storage()?.setItem(KEY, token);
  } catch {
    /* storage full or refused: the in-memory copy and the cookie remain */
  }
}

/** The referrer of the portal's first page is the host page that framed it; later navigations lose it, so keep it. */
export function rememberParentOrigin(): void {
  if (typeof window === 'undefined' || window.parent === window || !document.referrer || storage()?.getItem(PARENT_KEY)) return;
  try {
    const origin = new URL(document.referrer).origin;
    if (origin !== window.location.origin) storage()?.setItem(PARENT_KEY, origin);
  } catch {
    /* no usable referrer */
  }
}

export function sessionToken(): string | null {
  return memory ?? storage()?.getItem(KEY) ?? null;
}

export function forgetSession(): void {
  memory = null;
  storage()?.removeItem(KEY);
}

export function setCsrf(value: string): void {
  csrf = value;
}

export function csrfToken(): string | null {
  return csrf;
}

/** The embedding page's origin as far as the browser tells us (ancestorOrigins is Chromium/WebKit only). */
export function parentOrigin(): string | null {
  if (typeof window === 'undefined' || window.parent === window) return null;
  const ancestors = (window.location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  return storage()?.getItem(PARENT_KEY) ?? null;
}
