// The sign-in throttle on both databases: free failures, then a wait that doubles to 15 minutes, per (email,
// address) and per address; counted atomically under concurrency; cleared by a success, forgotten after a day.
import { describe, expect, it } from 'vitest';
import { countOf } from './db-rows';
import { clearSignInFailures, forgetOldSignInFailures, recordSignInFailure, signInWait, waitAfter } from '../../lib/operators/sign-in-throttle';

const email = () => `op-${Math.random().toString(36).slice(2)}@example.com`;

describe('sign-in throttle', () => {
  it.each([
    [5, 'pair', 0],
    [6, 'pair', 1],
    [7, 'pair', 2],
    [10, 'pair', 16],
    [16, 'pair', 900],
    [60, 'pair', 900],
    [20, 'address', 0],
    [21, 'address', 1],
  ] as const)('after %i failures a %s key waits %i s', (failures, kind, seconds) => {
    expect(waitAfter(failures, kind)).toBe(seconds);
  });

  it('makes only the failing (email, address) wait, and a success clears it', async () => {
    const e = email();
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordSignInFailure(e, '10.0.0.1', now);
    expect(await signInWait(e, '10.0.0.1', now)).toBe(0);
    await recordSignInFailure(e, '10.0.0.1', now);
    expect(await signInWait(e, '10.0.0.1', now)).toBe(1);
    expect(await signInWait(e, '10.0.0.2', now)).toBe(0);
    expect(await signInWait(email(), '10.0.0.1', now)).toBe(0);
    await clearSignInFailures(e, '10.0.0.1');
    expect(await signInWait(e, '10.0.0.1', now)).toBe(0);
  });

  it('counts concurrent failures without losing one', async () => {
    const e = email();
    const now = new Date();
    await Promise.all(Array.from({ length: 30 }, () => recordSignInFailure(e, '10.0.0.3', now)));
    // Both keys, the (email, address) pair and the address, counted all 30.
    expect(await countOf('SignInThrottle', '"failures" = 30')).toBe(2);
    expect(await signInWait(e, '10.0.0.3', now)).toBe(900);
    expect(await signInWait(email(), '10.0.0.3', now)).toBe(2 ** (30 - 21));
  });

  it('forgets a key a day after its last failure', async () => {
    const e = email();
    const long = new Date(Date.now() - 25 * 3_600_000);
    for (let i = 0; i < 8; i++) await recordSignInFailure(e, '10.0.0.4', long);
    expect(await signInWait(e, '10.0.0.4')).toBe(0);
    expect(await forgetOldSignInFailures()).toBeGreaterThanOrEqual(2);
    await recordSignInFailure(e, '10.0.0.4');
    expect(await signInWait(e, '10.0.0.4')).toBe(0);
  });
});
