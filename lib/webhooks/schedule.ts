// Retry schedule: the delay before attempt n+1, in seconds (WEBHOOK_RETRY_SCHEDULE, lib/env/webhooks.ts).
import { webhookSettings } from '../env';

/** When attempt number `attempts + 1` is due, or null when every attempt is spent. */
export function nextAttemptAt(attempts: number, now = Date.now()): Date | null {
  const s = webhookSettings().retrySchedule;
  if (attempts >= s.length) return null;
  // ±10 % jitter so retries of many deliveries don't arrive at once.
  const delay = s[attempts] * 1000 * (0.9 + Math.random() * 0.2);
  return new Date(now + delay);
}
