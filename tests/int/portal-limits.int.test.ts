// The portal's caps hold under concurrency on both databases: racing adds stop at the cap exactly (the
// organization's or directory's row is locked on PostgreSQL; SQLite runs one write transaction at a time).
import { write } from '../../lib/db/database';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../lib/directory/directories';
import { createDirectoryToken } from '../../lib/directory/tokens';
import { assertRoomForDirectory, assertRoomForToken, portalLimits } from '../../lib/portal/portal-limits';
import { newDirectory } from './scim-helpers';
import { countOf, insertRows } from './db-rows';

async function race(n: number, add: () => Promise<unknown>): Promise<{ added: number; refused: string[] }> {
  const results = await Promise.allSettled(Array.from({ length: n }, add));
  return {
    added: results.filter((r) => r.status === 'fulfilled').length,
    refused: results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code?: string }).code ?? String(r.reason)] : [])),
  };
}

describe('portal caps', () => {
  it('directories of an organization: 14 racing adds make exactly the cap', async () => {
    const { organizationId } = await newDirectory(); // already holds one
    const cap = portalLimits().directories;
    const r = await race(14, () =>
      write(function* (env) {
        yield* assertRoomForDirectory(env, organizationId);
        yield* createDirectory(env, { organizationId, provider: 'okta' });
      }),
    );
    expect(await countOf('Directory', '"organizationId" = ?', [organizationId])).toBe(cap);
    expect(r.added).toBe(cap - 1);
    expect(new Set(r.refused)).toEqual(new Set(['limit_reached']));
  });

  it('live tokens of a directory: revoked and expired ones do not count', async () => {
    const { directoryId } = await newDirectory(); // one live token already
    const cap = portalLimits().liveTokens;
    await insertRows('DirectoryToken', [
      { id: 'tok_expired_one', directoryId, hash: 'h-expired', lastFour: 'xxxx', expiresAt: new Date(Date.now() - 1000), lastUsedAt: null, revokedAt: null },
      { id: 'tok_revoked_one', directoryId, hash: 'h-revoked', lastFour: 'xxxx', expiresAt: null, lastUsedAt: null, revokedAt: new Date() },
    ]);
    const r = await race(9, () =>
      write(function* (env) {
        yield* assertRoomForToken(env, directoryId);
        yield* createDirectoryToken(env, { directoryId });
      }),
    );
    expect(r.added).toBe(cap - 1);
    expect(
      await countOf('DirectoryToken', '"directoryId" = ? AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > ?)', [directoryId, new Date()]),
    ).toBe(cap);
  });
});
