// Rate limits: 429 with Retry-After and a SCIM error body, per token, and shared across processes through the
// database (another process's hits, added to the shared row, count against this one).
import { write } from '../../lib/db/database';
import { describe, expect, it } from 'vitest';
import { createDirectoryToken } from '../../lib/directory/tokens';
import { hit, sync } from '../../lib/rate-limit/limiter';
import { serveScim } from '../../lib/scim/serve-scim';
import { newDirectory } from './scim-helpers';
import { exec } from './db-rows';

describe('rate limits', () => {
  it('answer 429 with Retry-After and a SCIM error once a token is over its limit', async () => {
    process.env.RATE_LIMIT_SCIM_PER_MINUTE = '60'; // 10 per 10-second window
    delete process.env.RATE_LIMITS; // another file in this worker may have switched limits off
    const dir = await newDirectory();
    const { token } = await write((env) => createDirectoryToken(env, { directoryId: dir.directoryId }));
    const statuses: number[] = [];
    let last;
    // Fixed 10-second windows: start well inside one, so a slow machine can't straddle two and see 20 allowed.
    const msLeft = 10_000 - (Date.now() % 10_000);
    if (msLeft < 4_000) await new Promise((r) => setTimeout(r, msLeft + 50));
    for (let i = 0; i < 14; i++) {
      last = await serveScim({
        method: 'GET',
        directoryId: dir.directoryId,
        path: ['Users'],
        query: new URLSearchParams('count=1'),
        headers: { authorization: `Bearer ${token}` },
        body: null,
        bodyBytes: 0,
      });
      statuses.push(last.status);
    }
    delete process.env.RATE_LIMIT_SCIM_PER_MINUTE;
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers['Retry-After'])).toBeGreaterThan(0);
    expect(last!.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '429' });
  });

  it("count another process's hits once synced", async () => {
    const rule = { limit: 5, windowSec: 3600 };
    const key = `test:${Math.random()}`;
    expect(hit(key, rule).ok).toBe(true);
    await sync();
    const windowStart = Math.floor(Date.now() / 1000 / 3600) * 3600;
    // Another process adds four hits to the shared row.
    await exec('UPDATE "RateLimitWindow" SET "count" = "count" + 4 WHERE "key" = ? AND "windowStart" = ?', [key, windowStart]);
    expect(hit(key, rule).ok).toBe(true); // this process hasn't seen them yet: 1 + 1 ≤ 5
    await sync(); // now the shared row says 6
    expect(hit(key, rule).ok).toBe(false);
  });
});
