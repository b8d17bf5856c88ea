// The quota counts: read rarely while far from the limit, on every check near it, once for requests racing each other.
import { describe, expect, it } from 'vitest';
import { reserveGroups, reserveUsers, roomToKeep } from './quotas';

/** A count that counts its own reads, answers `rows` (settable), slowly. */
function fakeDb(rows: number) {
  const calls = { n: 0, rows };
  const db = async () => {
    calls.n++;
    await new Promise((r) => setTimeout(r, 5));
    return calls.rows;
  };
  return { db, calls };
}

describe('quota counts', () => {
  it('far from the limit: counted once, then this process adds its own', async () => {
    const { db, calls } = fakeDb(10);
    for (let i = 0; i < 500; i++) await reserveUsers('dir_far', 1, db);
    expect(calls.n).toBe(1);
  });

  it('within 1% of the limit (1,000,000): counted anew on every check, and refused past it', async () => {
    const { db, calls } = fakeDb(999_998);
    await reserveUsers('dir_near', 1, db);
    await reserveUsers('dir_near', 1, db);
    expect(calls.n).toBe(2);
    calls.rows = 1_000_000;
    await expect(reserveUsers('dir_near', 1, db)).rejects.toMatchObject({
      status: 400,
      scimType: 'tooMany',
      detail: expect.stringContaining('SCIM_MAX_USERS_PER_DIRECTORY'),
    });
  });

  it('requests racing one count share it, so only as many as fit pass', async () => {
    const { db, calls } = fakeDb(99_998);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => reserveGroups('dir_race', 1, db)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(calls.n).toBe(1);
  });

  it('kept users: room is a yes or no, never a refusal; racing DELETEs at the bound share one count, as many keep as fit', async () => {
    const { db, calls } = fakeDb(999_998);
    const room = await Promise.all(Array.from({ length: 4 }, () => roomToKeep('dir_kept', db)));
    expect(room).toEqual([true, true, false, false]);
    expect(calls.n).toBe(1);
    calls.rows = 10;
    expect(await roomToKeep('dir_kept', db)).toBe(true);
  });
});
