'use client';
// Messages to the embedding host page. Only ever posted to an allowed origin: the parent's origin when the browser
// tells us and it is allowed, else each allowed origin in turn (the browser delivers to the one that matches).
import { parentOrigin } from './session-token';

export type HostMessage =
  | { type: 'portal.loaded' }
  | { type: 'portal.resize'; height: number }
  | { type: 'session.expiring'; expiresAt: string }
  | { type: 'session.expired' }
  | { type: 'directory.enabled'; directoryId: string }
  | { type: 'directory.disabled'; directoryId: string };

let allowed: string[] = [];

export function setAllowedOrigins(origins: string[]): void {
  allowed = origins;
}

export function postToHost(message: HostMessage): void {
  if (typeof window === 'undefined' || window.parent === window) return;
  const parent = parentOrigin();
  const targets = parent ? (allowed.includes(parent) ? [parent] : []) : allowed;
  for (const origin of targets) {
    try {
      window.parent.postMessage({ source: 'scim-portal', ...message }, origin);
    } catch {
      /* a mismatched origin is dropped by the browser */
    }
  }
}
