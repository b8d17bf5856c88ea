// Runs once when the Next.js server starts: the background jobs (webhook delivery, retention, health). Shutdown belongs
// to the process's server (scripts/serve.mjs, through lib/shutdown.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWebhookWorker } = await import('./lib/webhooks/worker');
  const { startRetentionJob } = await import('./lib/maintenance/retention');
  const { startHealthJob } = await import('./lib/health/health-check');
  if (process.env.WEBHOOK_WORKER !== 'off') startWebhookWorker();
  startRetentionJob();
  startHealthJob();
}
