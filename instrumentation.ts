// Runs once when the Next.js server starts: the webhook delivery worker, the retention and health jobs, and a final flush of the request log on
// shutdown.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWebhookWorker } = await import('./lib/webhooks/worker');
  const { flushRequestLog } = await import('./lib/scim/request-log');
  const { startRetentionJob } = await import('./lib/maintenance/retention');
  const { startHealthJob } = await import('./lib/health/health-check');
  if (process.env.WEBHOOK_WORKER !== 'off') startWebhookWorker();
  startRetentionJob();
  startHealthJob();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      void flushRequestLog().finally(() => process.exit(0));
    });
  }
}
