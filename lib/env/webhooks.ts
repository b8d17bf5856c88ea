// Settings of the events outbox and webhook delivery (each is in README.md).
import { z } from 'zod';
import { atLeast, is, raw, settings } from './setting';

/** The delay before attempt n+1, in seconds: 8 attempts over about a day. */
const DEFAULT_SCHEDULE = [0, 30, 120, 600, 1800, 7200, 21600, 43200];

const webhookSchema = z
  .object({
    WEBHOOK_TIMEOUT_MS: atLeast(5_000, 1),
    WEBHOOK_ENDPOINT_CONCURRENCY: atLeast(8, 1),
    WEBHOOK_CONCURRENCY: atLeast(64, 1),
    WEBHOOK_MAX_PENDING: atLeast(100_000, 1),
    WEBHOOK_DISABLE_AFTER_HOURS: atLeast(72, 0),
    WEBHOOK_DISABLE_NEW_AFTER_HOURS: atLeast(24, 0),
    WEBHOOK_POLL_MS: atLeast(500, 10),
    EVENT_RETENTION_DAYS: atLeast(30, 1),
    EVENT_MAX_BYTES: atLeast(32_768, 1_024),
    // "0,1,2": seconds before each attempt (tests use short ones); anything else keeps the default.
    WEBHOOK_RETRY_SCHEDULE: raw()
      .pipe(
        z
          .string()
          .transform((s) => s.split(',').map((n) => Number(n.trim())))
          .pipe(z.array(z.number().min(0)))
          .optional(),
      )
      .catch(undefined),
    WEBHOOK_WORKER: is('off'),
  })
  .transform((e) => ({
    /** Per attempt: connect, send and the response's status line. */
    timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    /** Lanes (directories) of one endpoint sent at once, per process. */
    endpointConcurrency: e.WEBHOOK_ENDPOINT_CONCURRENCY,
    /** Lanes sent at once by one process, over all endpoints. */
    concurrency: e.WEBHOOK_CONCURRENCY,
    /** Pending deliveries an endpoint may have; beyond it the oldest are dropped. */
    maxPending: e.WEBHOOK_MAX_PENDING,
    /** Disabled after every attempt has failed for this long. */
    disableAfterMs: e.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
    /** Sooner for an endpoint that has never accepted a delivery (since created, re-enabled or given a new URL). */
    disableNewAfterMs: e.WEBHOOK_DISABLE_NEW_AFTER_HOURS * 3_600_000,
    pollMs: e.WEBHOOK_POLL_MS,
    eventRetentionDays: e.EVENT_RETENTION_DAYS,
    eventMaxBytes: e.EVENT_MAX_BYTES,
    retrySchedule: e.WEBHOOK_RETRY_SCHEDULE ?? DEFAULT_SCHEDULE,
    /** WEBHOOK_WORKER=off: this process delivers no webhooks (another one does). */
    workerOff: e.WEBHOOK_WORKER,
  }));

export const webhookSettings = settings(webhookSchema);

export const eventMaxBytes = (): number => webhookSettings().eventMaxBytes;
