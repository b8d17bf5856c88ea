import { describe, expect, it } from 'vitest';
import { newId, newLogId, randomBase62 } from './ids';

describe('ids', () => {
  it('newId: prefix and 20 base62 characters, no two alike', () => {
    const ids = Array.from({ length: 2000 }, () => newId('usr'));
    for (const id of ids) expect(id).toMatch(/^usr_[0-9A-Za-z]{20}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('newLogId: sorts bytewise by creation time, across digit carries, and stays unique within one millisecond', () => {
    const times = [0, 61, 62, 3843, 3844, Date.UTC(2026, 10, 29), Date.UTC(2026, 10, 29) + 1, Date.UTC(2100, 0, 1)];
    const ids = times.map((t) => newLogId('req', t));
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-Za-z]{20}$/);
    expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
    const sameMs = Array.from({ length: 1000 }, () => newLogId('evt', 1_800_000_000_000));
    expect(new Set(sameMs).size).toBe(sameMs.length);
    expect(new Set(sameMs.map((id) => id.slice(0, 12))).size).toBe(1);
  });

  it('every base62 character about equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const c of newId('grp').slice(4)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 60,000 characters: about 968 each; a bias of the 256 % 62 kind would put four characters near 1,200.
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1_140);
    }
  });

  it('randomBase62: the length asked for, base62, no two alike', () => {
    const secrets = Array.from({ length: 500 }, () => randomBase62(43));
    for (const s of secrets) expect(s).toMatch(/^[0-9A-Za-z]{43}$/);
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});
