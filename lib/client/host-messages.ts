'use client';
// Messages to the embedding host page. Only ever posted to an allowed origin: the parent's origin when the browser
// tells us and it is allowed, else each allowed origin in turn (the browser delivers to the one that matches). The
// allowed origins come from the server with every page (PORTAL_ALLOWED_ORIGINS: the frame-ancestors list), so
// pages without a session (a used link, an ended session) can still tell the host.
import { parentOrigin } from './session-token';

export type HostMessage =
  | { type: 'portal.loaded' }
  | { type: 'portal.resize'; height: number }
  | { type: 'link.used' }
  | { type: 'link.expired' }
  | { type: 'link.invalid' }
  | { type: 'link.error' }
  | { type: 'session.expiring'; expiresAt: string }
  | { type: 'session.expired'; reason: 'expired' | 'ended' | 'missing' }
  | { type: 'directory.enabled'; directoryId: string }
  | { type: 'directory.disabled'; directoryId: string };

let allowed: string[] = [];

export function setAllowedOrigins(origins: string[]): void {
  allowed = [...new Set([...allowed, ...origins])];
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
