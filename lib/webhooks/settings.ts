// Settings of the events outbox and webhook delivery, read from the environment once (each is in README.md).
const int = (name: string, fallback: number, min = 0): number => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= min ? n : fallback;
};

export interface WebhookSettings {
  /** Per attempt: connect, send and the response's status line. */
  timeoutMs: number;
  /** Lanes (directories) of one endpoint sent at once, per process. */
  endpointConcurrency: number;
  /** Lanes sent at once by one process, over all endpoints. */
  concurrency: number;
  /** Pending deliveries an endpoint may have; beyond it the oldest are dropped. */
  maxPending: number;
  /** Disabled after every attempt has failed for this long. */
  disableAfterMs: number;
  /** Sooner for an endpoint that has never accepted a delivery (since created, re-enabled or given a new URL). */
  disableNewAfterMs: number;
  pollMs: number;
  eventRetentionDays: number;
  eventMaxBytes: number;
}

let cached: WebhookSettings | undefined;

export function webhookSettings(): WebhookSettings {
  return (cached ??= {
    timeoutMs: int('WEBHOOK_TIMEOUT_MS', 5_000, 1),
    endpointConcurrency: int('WEBHOOK_ENDPOINT_CONCURRENCY', 8, 1),
    concurrency: int('WEBHOOK_CONCURRENCY', 64, 1),
    maxPending: int('WEBHOOK_MAX_PENDING', 100_000, 1),
    disableAfterMs: int('WEBHOOK_DISABLE_AFTER_HOURS', 72, 0) * 3_600_000,
    disableNewAfterMs: int('WEBHOOK_DISABLE_NEW_AFTER_HOURS', 24, 0) * 3_600_000,
    pollMs: int('WEBHOOK_POLL_MS', 500, 10),
    eventRetentionDays: int('EVENT_RETENTION_DAYS', 30, 1),
    eventMaxBytes: int('EVENT_MAX_BYTES', 32_768, 1_024),
  });
}

export const eventMaxBytes = (): number => webhookSettings().eventMaxBytes;

/** Tests change the environment between cases. */
export function resetWebhookSettings(): void {
  cached = undefined;
}
