// A route id that is not valid percent-encoding is a clear 400 on every dynamic route of the app (it was a 500:
// Next's router throws decoding it), in the route family's own error vocabulary.
import { describe, expect, it } from 'vitest';
import { targets } from './harness';
import { appRoutes, urlOf } from './app-routes';

const BAD = ['%FF', '%', '%zz', '%C0%AF', '%ED%A0%80', 'ok%E2%82'];
const dynamic = appRoutes().filter((r) => r.segments.includes(null));

const cases = dynamic.flatMap((route) => route.methods.flatMap((method) => BAD.map((bad) => ({ method, bad, url: urlOf(route, bad), file: route.file }))));

describe.each(targets())('invalid percent-encoding in a route id ($name)', (t) => {
  it('covers every dynamic route the app has', () => {
    expect(dynamic.length).toBeGreaterThanOrEqual(39);
    expect(dynamic.every((r) => r.methods.length > 0)).toBe(true);
  });

  it.each(cases)('$method $url → 400', async ({ method, url }) => {
    const res = await fetch(`${t.baseUrl}${url}`, {
      method,
      headers: { Authorization: `Bearer ${t.apiKey}`, 'Content-Type': 'application/json' },
      body: ['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method) ? undefined : '{}',
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    if (method === 'HEAD') return;
    const body = await res.json();
    if (url.startsWith('/scim/')) expect(body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    else expect(body.error.code).toBe('invalid_path');
  });
});
