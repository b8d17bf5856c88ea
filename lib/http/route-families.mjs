// The app's route families and the policy of each: its body limit and how it words an error. Plain JavaScript, so
// the custom server (scripts/serve.mjs), next.config.mjs and the TypeScript routes read the same table.

/** @typedef {'scim' | 'hostApi' | 'portalApi' | 'auth' | 'portal' | 'page'} RouteFamily */

/**
 * Largest request body, in bytes, per family. Host-API and portal bodies are small JSON documents; next-auth takes
 * an email, a password (at most 1,024 characters) and its CSRF token; pages take only the dashboard's server
 * actions (a name, a URL); SCIM's limit is the SCIM core's own (lib/scim/serve-scim.ts MAX_BODY_BYTES).
 * @type {Readonly<Record<RouteFamily, number>>}
 */
export const BODY_LIMITS = Object.freeze({
  scim: 1024 * 1024,
  hostApi: 256 * 1024,
  portalApi: 64 * 1024,
  auth: 16 * 1024,
  portal: 64 * 1024,
  page: 64 * 1024,
});

/**
 * @param {string} pathname the request's path, not yet percent-decoded
 * @returns {RouteFamily}
 */
export function routeFamily(pathname) {
  if (pathname.startsWith('/scim/')) return 'scim';
  if (pathname.startsWith('/api/v1/') || pathname === '/api/v1') return 'hostApi';
  if (pathname.startsWith('/api/portal/') || pathname === '/api/portal') return 'portalApi';
  if (pathname.startsWith('/api/auth/') || pathname === '/api/auth') return 'auth';
  if (pathname.startsWith('/portal/') || pathname === '/portal') return 'portal';
  return 'page';
}

/**
 * An error answer in the family's vocabulary: the SCIM error schema (RFC 7644 §3.12) on SCIM routes, the host
 * API's `{error: {code, message}}` everywhere else.
 * @param {RouteFamily} family
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @returns {{ contentType: string, body: string }}
 */
export function errorBody(family, status, code, message) {
  if (family === 'scim') {
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: message };
    return { contentType: 'application/scim+json', body: JSON.stringify(body) };
  }
  return { contentType: 'application/json', body: JSON.stringify({ error: { code, message } }) };
}
