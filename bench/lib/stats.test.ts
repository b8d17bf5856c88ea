// The figures a table is made of: medians and ranges of rounds, the ratio's range, CPU per request.
import { describe, expect, it } from 'vitest';
import { cpuSpread, failures, median, percentile, ratio, rpsSpread, spread, type Round } from './stats';

const round = (ok: number, seconds: number, extra: Partial<Round> = {}): Round => ({ responses: ok, ok, non2xx: 0, errors: 0, seconds, cpuMs: null, ...extra });

describe('median and spread', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %d', (xs, want) => expect(median(xs)).toBe(want));

  it('is NaN for no readings, and spread leaves out what is not finite', () => {
    expect(median([])).toBeNaN();
    expect(spread([])).toBeNull();
    expect(spread([2, Number.NaN, 8, 4])).toEqual({ median: 4, min: 2, max: 8, n: 3 });
  });

  it('takes the nearest-rank percentile', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 99)).toBe(10);
    expect(percentile(new Float64Array(), 50)).toBeNaN();
  });
});

describe('rounds', () => {
  it('counts 2xx answers a second per round, and rounds that got no answer not at all', () => {
    const rounds = [round(1000, 2), round(0, 0), round(900, 1, { responses: 1000, non2xx: 100 })];
    expect(rpsSpread(rounds)).toEqual({ median: 700, min: 500, max: 900, n: 2 });
    expect(failures(rounds)).toBe(100);
  });

  it('gives CPU per answered request in microseconds, from rounds that know it', () => {
    const rounds = [round(1000, 2, { cpuMs: 250 }), round(500, 1, { cpuMs: 150 }), round(800, 1)];
    expect(cpuSpread(rounds)).toEqual({ median: 275, min: 250, max: 300, n: 2 });
    expect(cpuSpread([round(10, 1)])).toBeNull();
  });

  it("puts the ratio's range at the least and the most the rounds allow", () => {
    const r = ratio({ median: 2000, min: 1800, max: 2400, n: 3 }, { median: 800, min: 600, max: 900, n: 3 });
    expect(r?.median).toBe(2.5);
    expect(r?.low).toBe(2);
    expect(r?.high).toBe(4);
    expect(ratio(null, { median: 1, min: 1, max: 1, n: 1 })).toBeNull();
    expect(ratio({ median: 1, min: 1, max: 1, n: 1 }, { median: 0, min: 0, max: 0, n: 1 })).toBeNull();
  });
});
