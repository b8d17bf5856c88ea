// scripts/native-date.mjs runs before Next.js replaces the global Date (scripts/serve.mjs imports it first);
// lib/native-date.ts hands the hot path the runtime's constructor, whose dates still pass `instanceof Date`.
import { afterEach, describe, expect, it, vi } from 'vitest';

const runtimeDate = globalThis.Date;
const g = globalThis as { __scimPortalNativeDate?: DateConstructor };

/** What Next's node-environment-extensions/date.js does: a wrapper with the same properties, prototype included. */
function wrapGlobalDate(): { calls: number } {
  const seen = { calls: 0 };
  const properties = Object.getOwnPropertyDescriptors(runtimeDate);
  const wrapper = Object.defineProperties(function Date1(this: unknown, ...args: unknown[]) {
    seen.calls++;
    return new.target === undefined ? runtimeDate() : Reflect.construct(runtimeDate, args, new.target);
  }, properties) as unknown as DateConstructor;
  globalThis.Date = wrapper;
  return seen;
}

afterEach(() => {
  globalThis.Date = runtimeDate;
  delete g.__scimPortalNativeDate;
  vi.resetModules();
});

describe('NativeDate', () => {
  it('is the runtime Date kept before a wrapper replaced the global one, and makes dates the wrapper recognises', async () => {
    delete g.__scimPortalNativeDate;
    await import('../../scripts/native-date.mjs');
    const seen = wrapGlobalDate();
    const { NativeDate } = await import('../../lib/native-date');
    expect(NativeDate).toBe(runtimeDate);
    expect(NativeDate).not.toBe(globalThis.Date);
    const d = new NativeDate('2026-11-30T07:00:00.000Z');
    expect(d instanceof globalThis.Date).toBe(true);
    expect(d.toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(typeof NativeDate.now()).toBe('number');
    expect(seen.calls).toBe(0);
  });

  it('is the global Date where nothing kept one (tests, next dev)', async () => {
    delete g.__scimPortalNativeDate;
    const { NativeDate } = await import('../../lib/native-date');
    expect(NativeDate).toBe(globalThis.Date);
  });
});
