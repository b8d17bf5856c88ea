// Runs once when the Next.js server starts: the webhook delivery worker, and a final flush of the request log on
// shutdown.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWebhookWorker } = await import('./lib/webhooks/worker');
  const { flushRequestLog } = await import('./lib/scim/request-log');
  const { startRetentionJob } = await import('./lib/maintenance/retention');
  if (process.env.WEBHOOK_WORKER !== 'off') startWebhookWorker();
  startRetentionJob();
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      void flushRequestLog().finally(() => process.exit(0));
    });
  }
}
