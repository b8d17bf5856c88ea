// The header table itself: which set each path gets, the portal's frame-ancestors built only from well-formed
// origins (a value with ';' or a quote cannot add a directive), HSTS only over https, eval only under next dev.
import { describe, expect, it } from 'vitest';
import { headerSets, headerSettings, securityHeadersFor } from '../../lib/http/security-headers.mjs';

const header = (set: [string, string][], name: string) => set.find(([n]) => n === name)?.[1];

describe('security headers', () => {
  it.each([
    ['/', 'page'],
    ['/dashboard/api-keys', 'page'],
    ['/api/auth/signout', 'page'],
    ['/no-such-page', 'page'],
    ['/api/v1/organizations', 'api'],
    ['/api/portal/session', 'api'],
    ['/scim/v2/dir_1/Users', 'api'],
    ['/portal', 'portal'],
    ['/portal/scim/dir_1/users', 'portal'],
    ['/portal/link-error', 'portal'],
    ['/portal/link/scimp_pl_x', 'portalLink'],
  ] as const)('%s gets the %s set', (path, set) => {
    const sets = headerSets(headerSettings({}));
    expect(securityHeadersFor(sets, path)).toBe(sets[set]);
  });

  it('frames the portal only from well-formed allowed origins', () => {
    const sets = headerSets(
      headerSettings({ PORTAL_ALLOWED_ORIGINS: "https://app.example/, https://evil.example; script-src *, 'unsafe-inline', http://b.example:8080" }),
    );
    const csp = header(sets.portal, 'Content-Security-Policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self' https://app.example http://b.example:8080");
    expect(csp).not.toContain('evil');
    expect(csp.match(/script-src/g)).toHaveLength(1);
    expect(header(sets.portal, 'X-Frame-Options')).toBeUndefined();
    expect(header(sets.page, 'X-Frame-Options')).toBe('DENY');
  });

  it('sends HSTS only over https, and allows eval only under next dev', () => {
    expect(header(headerSets(headerSettings({ PUBLIC_URL: 'http://localhost:3000' })).page, 'Strict-Transport-Security')).toBeUndefined();
    expect(header(headerSets(headerSettings({ PUBLIC_URL: 'https://sso.example' })).api, 'Strict-Transport-Security')).toContain('max-age=');
    expect(header(headerSets(headerSettings({})).portal, 'Content-Security-Policy')).not.toContain('unsafe-eval');
    expect(header(headerSets({ ...headerSettings({}), dev: true }).portal, 'Content-Security-Policy')).toContain("'unsafe-eval'");
  });
});
