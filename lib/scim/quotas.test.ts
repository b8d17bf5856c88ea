// The quota counts: read rarely while far from the limit, every few seconds near it, once for requests racing each
// other; while no scan place is free, the count held serves.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScansBusy } from '../db/scan-gate';
import { NEAR_REFRESH_MS, reserveGroups, reserveUsers, roomToKeep } from './quotas';

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

/** Moves the clock the quotas read past a near-limit count's age (only Date: the fake count's timer stays real). */
function later(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + NEAR_REFRESH_MS);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('quota counts', () => {
  it('far from the limit: counted once, then this process adds its own', async () => {
    const { db, calls } = fakeDb(10);
    for (let i = 0; i < 500; i++) await reserveUsers('dir_far', 1, db);
    expect(calls.n).toBe(1);
  });

  it('within 1% of the limit (1,000,000): counted anew once the count is NEAR_REFRESH_MS old, and refused past it', async () => {
    const { db, calls } = fakeDb(999_990);
    await reserveUsers('dir_near', 1, db);
    await reserveUsers('dir_near', 1, db);
    expect(calls.n).toBe(1);
    later();
    calls.rows = 1_000_000;
    await expect(reserveUsers('dir_near', 1, db)).rejects.toMatchObject({
      status: 400,
      scimType: 'tooMany',
      detail: expect.stringContaining('SCIM_MAX_USERS_PER_DIRECTORY'),
    });
    expect(calls.n).toBe(2);
  });

  it('past the limit, this process adds its own until the next count: refused at once, not counted per request', async () => {
    const { db, calls } = fakeDb(999_999);
    await reserveUsers('dir_full', 1, db);
    for (let i = 0; i < 20; i++) await expect(reserveUsers('dir_full', 1, db)).rejects.toMatchObject({ status: 400 });
    expect(calls.n).toBe(1);
  });

  it('while every scan place is taken, the count held serves; with none held, the refusal is the answer', async () => {
    const busy = async (): Promise<number> => {
      throw new ScansBusy();
    };
    await expect(reserveUsers('dir_busy', 1, busy)).rejects.toBeInstanceOf(ScansBusy);
    const { db } = fakeDb(999_000);
    await reserveUsers('dir_busy', 1, db);
    later();
    await reserveUsers('dir_busy', 1, busy);
    await expect(reserveUsers('dir_busy', 1_000, db)).rejects.toMatchObject({ detail: expect.stringContaining('holds 999,002 of its 1,000,000') });
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
    expect(await roomToKeep('dir_kept', db)).toBe(false);
    later();
    calls.rows = 10;
    expect(await roomToKeep('dir_kept', db)).toBe(true);
    expect(calls.n).toBe(2);
  });
});
