// Retry schedule: the delay before attempt n+1, in seconds. Default: 8 attempts over about a day.
// WEBHOOK_RETRY_SCHEDULE="0,1,2" (seconds, one per attempt) overrides it; tests use short ones.
const DEFAULT = [0, 30, 120, 600, 1800, 7200, 21600, 43200];

function retrySchedule(): number[] {
  const raw = process.env.WEBHOOK_RETRY_SCHEDULE;
  if (!raw) return DEFAULT;
  const parsed = raw.split(',').map((s) => Number(s.trim()));
  return parsed.length && parsed.every((n) => Number.isFinite(n) && n >= 0) ? parsed : DEFAULT;
}

/** When attempt number `attempts + 1` is due, or null when every attempt is spent. */
export function nextAttemptAt(attempts: number, now = Date.now()): Date | null {
  const s = retrySchedule();
  if (attempts >= s.length) return null;
  // ±10 % jitter so retries of many deliveries don't arrive at once.
  const delay = s[attempts] * 1000 * (0.9 + Math.random() * 0.2);
  return new Date(now + delay);
}
