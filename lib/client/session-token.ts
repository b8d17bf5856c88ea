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

/** Moves a session handed over in the URL fragment (#s=…) into storage and removes it from the address bar. */
export function adoptSessionFromUrl(): void {
  if (typeof window === 'undefined') return;
  const m = /(?:^#|&)s=([^&]+)/.exec(window.location.hash);
  if (m) {
    memory = decodeURIComponent(m[1]);
    storage()?.setItem(KEY, memory);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  // The referrer of the first page is the host page that framed us; later navigations lose it, so keep it.
  if (window.parent !== window && document.referrer && !storage()?.getItem(PARENT_KEY)) {
    try {
      storage()?.setItem(PARENT_KEY, new URL(document.referrer).origin);
    } catch {
      /* no usable referrer */
    }
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
