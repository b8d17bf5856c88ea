// The portal's caps hold under concurrency on both databases: racing adds stop at the cap exactly (the
// organization's or directory's row is locked on PostgreSQL; SQLite runs one write transaction at a time).
import { write } from '../../lib/db/database';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { createDirectory } from '../../lib/directory/directories';
import { createDirectoryToken } from '../../lib/directory/tokens';
import { assertRoomForDirectory, assertRoomForToken, portalLimits } from '../../lib/portal/portal-limits';
import { newDirectory } from './scim-helpers';

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
    const db = await getDb();
    const cap = portalLimits().directories;
    const r = await race(14, () =>
      write(function* (env) {
        yield* assertRoomForDirectory(env, organizationId);
        yield* createDirectory(env, { organizationId, provider: 'okta' });
      }),
    );
    expect(await db.directory.count({ where: { organizationId } })).toBe(cap);
    expect(r.added).toBe(cap - 1);
    expect(new Set(r.refused)).toEqual(new Set(['limit_reached']));
  });

  it('live tokens of a directory: revoked and expired ones do not count', async () => {
    const { directoryId } = await newDirectory(); // one live token already
    const db = await getDb();
    const cap = portalLimits().liveTokens;
    await db.directoryToken.create({
      data: { id: 'tok_expired_one', directoryId, hash: 'h-expired', lastFour: 'xxxx', expiresAt: new Date(Date.now() - 1000) },
    });
    await db.directoryToken.create({ data: { id: 'tok_revoked_one', directoryId, hash: 'h-revoked', lastFour: 'xxxx', revokedAt: new Date() } });
    const r = await race(9, () =>
      write(function* (env) {
        yield* assertRoomForToken(env, directoryId);
        yield* createDirectoryToken(env, { directoryId });
      }),
    );
    expect(r.added).toBe(cap - 1);
    expect(await db.directoryToken.count({ where: { directoryId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] } })).toBe(cap);
  });
});
