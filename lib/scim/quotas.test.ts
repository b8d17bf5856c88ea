// The quota counts: read rarely while far from the limit, on every check near it, once for requests racing each other.
import { describe, expect, it } from 'vitest';
import type { Tx } from '../db/client';
import { reserveGroups, reserveUsers } from './quotas';

/** A stand-in for the database: counts each read, answers `rows` (settable), slowly. */
function fakeDb(rows: number) {
  const calls = { n: 0, rows };
  const count = async () => {
    calls.n++;
    await new Promise((r) => setTimeout(r, 5));
    return calls.rows;
  };
  const db = { directoryUser: { count }, directoryGroup: { count } } as unknown as Tx;
  return { db, calls };
}

describe('quota counts', () => {
  it('far from the limit: counted once, then this process adds its own', async () => {
    const { db, calls } = fakeDb(10);
    for (let i = 0; i < 500; i++) await reserveUsers(db, 'dir_far');
    expect(calls.n).toBe(1);
  });

  it('within 1% of the limit (1,000,000): counted anew on every check, and refused past it', async () => {
    const { db, calls } = fakeDb(999_998);
    await reserveUsers(db, 'dir_near');
    await reserveUsers(db, 'dir_near');
    expect(calls.n).toBe(2);
    calls.rows = 1_000_000;
    await expect(reserveUsers(db, 'dir_near')).rejects.toMatchObject({ status: 400, scimType: 'tooMany', detail: expect.stringContaining('SCIM_MAX_USERS_PER_DIRECTORY') });
  });

  it('requests racing one count share it, so only as many as fit pass', async () => {
    const { db, calls } = fakeDb(99_998);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => reserveGroups(db, 'dir_race')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(calls.n).toBe(1);
  });
});
