// The figures of a workload's rounds: each round is one slice on one server, so its req/s and CPU per request are
// one reading; the report gives their median and spread (min-max), and ratios between two servers with the range
// the rounds allow, so a gain can be told from noise.

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Readings behind the figure. */
  n: number;
}

/** One slice of one workload on one server. */
export interface Round {
  responses: number;
  ok: number;
  /** Answers outside 2xx. */
  non2xx: number;
  /** Requests that got no answer (reset, timeout). */
  errors: number;
  /** From the slice's start to its last response. */
  seconds: number;
  /** CPU the server's processes used during the slice (app and its database backends), or null when unknown. */
  cpuMs: number | null;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function spread(xs: number[]): Spread | null {
  const finite = xs.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}

/** The nearest-rank percentile of ascending values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** A round counts when it got answers; one cut short (a finite pool of users ran out) still gives a rate. */
const counted = (rounds: Round[]) => rounds.filter((r) => r.responses > 0 && r.seconds > 0);

/** 2xx answers a second, round by round: a server is not credited for the requests it failed. */
export function rpsSpread(rounds: Round[]): Spread | null {
  return spread(counted(rounds).map((r) => r.ok / r.seconds));
}

/** Microseconds of server CPU per answered request, round by round. */
export function cpuSpread(rounds: Round[]): Spread | null {
  return spread(counted(rounds).flatMap((r) => (r.cpuMs === null ? [] : [(1000 * r.cpuMs) / r.responses])));
}

export interface Ratio {
  /** median ÷ median */
  median: number;
  /** The least the rounds allow (the numerator's slowest over the denominator's fastest) and the most. */
  low: number;
  high: number;
}

export function ratio(num: Spread | null, den: Spread | null): Ratio | null {
  if (!num || !den || den.median <= 0 || den.min <= 0) return null;
  return { median: num.median / den.median, low: num.min / den.max, high: num.max / den.min };
}

export function failures(rounds: Round[]): number {
  return rounds.reduce((a, r) => a + r.non2xx + r.errors, 0);
}
