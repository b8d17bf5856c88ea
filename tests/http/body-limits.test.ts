// Every route family refuses a body over its limit before reading it (lib/http/request-guard.mjs): 50 MB, declared
// or chunked, answers 413 at once and the app's memory does not grow; 700 MB to next-auth is a 413, not a 500.
import { describe, expect, it } from 'vitest';
import { targets } from './harness';
import { rssBytes, upload } from './raw-upload';

const MB = 1024 * 1024;

/** One route of each family, with the limit the answer names. */
const ROUTES = [
  { family: 'host API', path: '/api/v1/organizations', limit: 262_144 },
  { family: 'portal API', path: '/api/portal/directories', limit: 65_536 },
  { family: 'next-auth', path: '/api/auth/callback/credentials', limit: 16_384 },
  { family: 'server actions', path: '/dashboard', limit: 65_536, headers: { 'Next-Action': '0'.repeat(42) } },
  { family: 'portal page', path: '/portal/scim', limit: 65_536 },
  { family: 'SCIM methods Next answers (OPTIONS)', path: '/scim/v2/dir_x/Users', limit: 1_048_576, method: 'OPTIONS' },
];

describe.each(targets())('request body limits ($name)', (t) => {
  it.each(ROUTES)('$family: 50 MB with Content-Length and chunked are refused at once', async ({ path, limit, headers, method }) => {
    for (const chunked of [false, true]) {
      const r = await upload(t.baseUrl, path, { bytes: 50 * MB, chunked, headers, method });
      expect(r.status, `${path} chunked=${chunked}`).toBe(413);
      expect(r.body).toContain(`exceeds ${limit} bytes`);
      // Generous for a shared machine: reading 50 MB and parsing it took seconds before.
      expect(r.ms).toBeLessThan(3_000);
    }
  });

  it('a body just within the limit still reaches the route', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(200 * 1024) });
    for (const chunked of [false, true]) {
      const full = await fetch(`${t.baseUrl}/api/v1/organizations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.apiKey}`, 'Content-Type': 'application/json' },
        body: chunked ? new Blob([body]).stream() : body,
        ...(chunked ? { duplex: 'half' } : {}),
      } as RequestInit);
      expect(full.status, `chunked=${chunked}`).toBe(400);
      expect((await full.json()).error.message).toMatch(/^name:/);
    }
  });

  it('700 MB to next-auth is a 413, declared or chunked, and memory stays flat', async () => {
    // Warm the route first, so compiling its code is not counted; other test files load the same app meanwhile, so
    // the bound is far below what buffering would take (700 MB) but above what their requests move RSS by.
    await upload(t.baseUrl, '/api/auth/callback/credentials', {
      bytes: 1 * MB,
      chunked: true,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const before = rssBytes(t.pid);
    for (const chunked of [false, true]) {
      const r = await upload(t.baseUrl, '/api/auth/callback/credentials', {
        bytes: 700 * MB,
        chunked,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(r.status).toBe(413);
    }
    expect(rssBytes(t.pid) - before).toBeLessThan(32 * MB);
  });

  it('the app keeps its memory through 50 MB uploads to every family', async () => {
    // Warm each path first, so compiling its code is not counted as growth.
    for (const { path, headers, method } of ROUTES) await upload(t.baseUrl, path, { bytes: 1 * MB, chunked: true, headers, method });
    const before = rssBytes(t.pid);
    for (const { path, headers, method } of ROUTES) {
      for (const chunked of [false, true]) await upload(t.baseUrl, path, { bytes: 50 * MB, chunked, headers, method });
    }
    const grown = rssBytes(t.pid) - before;
    console.log(`${t.name}: RSS ${(before / MB).toFixed(1)} MB → ${((before + grown) / MB).toFixed(1)} MB after 12 uploads of 50 MB`);
    // Other test files load the same app meanwhile (9.8 and 17.8 MB seen); one buffered body would be 50 MB.
    expect(grown).toBeLessThan(32 * MB);
  });
});
