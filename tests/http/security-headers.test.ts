// Every response carries the security headers of its route family (lib/http/security-headers.mjs): pages, APIs,
// next-auth, SCIM, 404s, errors and the guard's own refusals may not be framed; the portal may be framed by this
// origin (and PORTAL_ALLOWED_ORIGINS); a portal link's page sends no Referer.
import { describe, expect, it } from 'vitest';
import { targets } from './harness';
import { appRoutes, urlOf } from './app-routes';
import { upload } from './raw-upload';

type Family = 'page' | 'api' | 'portal' | 'portalLink';

function familyOf(path: string): Family {
  if (path.startsWith('/portal/link/')) return 'portalLink';
  if (path === '/portal' || path.startsWith('/portal/')) return 'portal';
  if (/^\/(api\/v1|api\/portal|scim)\//.test(path)) return 'api';
  return 'page';
}

function expectHeaders(h: Headers, family: Family, what: string): void {
  const csp = h.get('content-security-policy') ?? '';
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  if (family === 'portal' || family === 'portalLink') {
    expect(csp, what).toMatch(/frame-ancestors 'self'(;|$| )/);
    expect(h.get('x-frame-options'), what).toBeNull();
    expect(h.get('referrer-policy'), what).toBe(family === 'portal' ? 'same-origin' : 'no-referrer');
  } else {
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(h.get('x-frame-options'), what).toBe('DENY');
    if (family === 'api') expect(csp, what).toMatch(/^default-src 'none'/);
    expect(h.get('referrer-policy'), what).toBe(family === 'api' ? 'no-referrer' : 'strict-origin-when-cross-origin');
  }
  expect(csp.match(/frame-ancestors/g)?.length, what).toBe(1);
}

/** Answers that come from somewhere other than a route: 404s, errors, the guard, next-auth's pages, /healthz. */
const SPECIAL: { what: string; path: string; method?: string; auth?: boolean; status: number }[] = [
  { what: 'a page that does not exist', path: '/no-such-page', status: 404 },
  { what: 'a host-API path that does not exist', path: '/api/v1/no-such', status: 404, auth: true },
  { what: 'a portal page that does not exist', path: '/portal/no-such', status: 404 },
  { what: "next-auth's sign-out page", path: '/api/auth/signout', status: 200 },
  { what: "next-auth's CSRF token", path: '/api/auth/csrf', status: 200 },
  { what: 'next-auth: a GET it does not support', path: '/api/auth/no-such', status: 400 },
  { what: 'the credentials callback by GET', path: '/api/auth/callback/credentials', status: 405 },
  { what: 'the host API without a key', path: '/api/v1/organizations', status: 401 },
  { what: 'the portal API without a session', path: '/api/portal/session', status: 401 },
  { what: 'SCIM without a token (fast path)', path: '/scim/v2/dir_x/Users', status: 401 },
  { what: 'SCIM by OPTIONS (through Next)', path: '/scim/v2/dir_x/Users', method: 'OPTIONS', status: 204 },
  { what: 'an invalid percent-encoding (the guard)', path: '/api/v1/directories/%FF', status: 400 },
  { what: 'a portal link page', path: `/portal/link/scimp_pl_${'x'.repeat(43)}`, status: 200 },
  { what: 'the link error page', path: '/portal/link-error?reason=used', status: 200 },
  { what: 'the API reference', path: '/docs/api', status: 200 },
  { what: 'the OpenAPI document', path: '/api/v1/openapi.json', status: 200 },
  { what: 'liveness', path: '/healthz', status: 200 },
  { what: 'a static file (public/)', path: '/providers/okta.svg', status: 200 },
];

describe.each(targets())('security headers ($name)', (t) => {
  it.each(SPECIAL)('$what: $path', async ({ path, method, auth, status }) => {
    const res = await fetch(`${t.baseUrl}${path}`, { method, redirect: 'manual', headers: auth ? { Authorization: `Bearer ${t.apiKey}` } : {} });
    expect(res.status).toBe(status);
    expectHeaders(res.headers, familyOf(path), path);
  });

  it('every route of the app, by each method it answers', async () => {
    let checked = 0;
    for (const route of appRoutes()) {
      for (const method of route.methods) {
        const path = urlOf(route, 'x');
        const res = await fetch(`${t.baseUrl}${path}`, {
          method,
          redirect: 'manual',
          body: ['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method) ? undefined : '{}',
        });
        await res.arrayBuffer();
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        expectHeaders(res.headers, familyOf(path), `${method} ${path} (${route.file})`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('the 413 of an oversized body', async () => {
    const r = await upload(t.baseUrl, '/api/v1/organizations', { bytes: 5 * 1024 * 1024, chunked: true });
    expect(r.status).toBe(413);
    expectHeaders(new Headers(Object.entries(r.headers).map(([k, v]): [string, string] => [k, String(v)])), 'api', '413');
  });
});
