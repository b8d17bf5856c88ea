// The security headers of every response, in one place. scripts/serve.mjs sets them on each request before
// anything answers it (SCIM's fast path, Next's pages, route handlers, 404s, errors, the request guard's refusals);
// under `next dev`, which has no custom server, next.config.mjs serves the same table as Next headers.
import { routeFamily } from './route-families.mjs';

/** Pages: Next's inline bootstrap scripts need 'unsafe-inline' without a nonce-based setup; `next dev` needs eval. */
const pageCsp = (frameAncestors, dev) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');

/** JSON APIs render nothing: nothing may load, run or frame. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * @typedef {object} HeaderSettings
 * @property {string[]} portalAllowedOrigins origins besides this one that may frame the portal (PORTAL_ALLOWED_ORIGINS)
 * @property {boolean} https whether the app is served over https (PUBLIC_URL), for HSTS
 * @property {boolean} [dev] under `next dev` (its client evaluates code)
 */

/** @param {Record<string, string | undefined>} environment */
export function headerSettings(environment) {
  const portalAllowedOrigins = (environment.PORTAL_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return { portalAllowedOrigins, https: (environment.PUBLIC_URL ?? '').startsWith('https://') };
}

/**
 * The header sets, built once per settings. The portal may be framed by this origin and the allowed ones (CSP
 * frame-ancestors is the allow-list; X-Frame-Options cannot express one, so the portal goes without it); a portal
 * link's page sends no Referer at all (its URL holds the link token); everything else may not be framed.
 * @param {HeaderSettings} settings
 * @returns {Record<'portal' | 'portalLink' | 'api' | 'page', [string, string][]>}
 */
export function headerSets(settings) {
  const origins = settings.portalAllowedOrigins.filter((o) => /^https?:\/\/[^\s;,']+$/.test(o));
  /** @type {[string, string][]} */
  const common = [['X-Content-Type-Options', 'nosniff']];
  if (settings.https) common.push(['Strict-Transport-Security', 'max-age=63072000; includeSubDomains']);
  const portalCsp = pageCsp(["'self'", ...origins].join(' '), settings.dev);
  const notFramed = /** @type {[string, string][]} */ ([['X-Frame-Options', 'DENY']]);
  return {
    portal: [...common, ['Content-Security-Policy', portalCsp], ['Referrer-Policy', 'same-origin']],
    portalLink: [...common, ['Content-Security-Policy', portalCsp], ['Referrer-Policy', 'no-referrer']],
    api: [...common, ['Content-Security-Policy', API_CSP], ['Referrer-Policy', 'no-referrer'], ...notFramed],
    page: [...common, ['Content-Security-Policy', pageCsp("'none'", settings.dev)], ['Referrer-Policy', 'strict-origin-when-cross-origin'], ...notFramed],
  };
}

/**
 * @param {ReturnType<typeof headerSets>} sets
 * @param {string} pathname
 * @returns {[string, string][]}
 */
export function securityHeadersFor(sets, pathname) {
  switch (routeFamily(pathname)) {
    case 'portal':
      return pathname.startsWith('/portal/link/') ? sets.portalLink : sets.portal;
    case 'scim':
    case 'hostApi':
    case 'portalApi':
      return sets.api;
    default:
      return sets.page;
  }
}
