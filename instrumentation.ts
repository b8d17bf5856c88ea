// Runs once when the Next.js server starts: the background jobs (webhook delivery, retention, health). Shutdown belongs
// to the process's server (scripts/serve.mjs, through lib/shutdown.ts).
export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME per bundle; it must be read here, before any Node-only import.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startWebhookWorker } = await import('./lib/webhooks/worker');
  const { startRetentionJob } = await import('./lib/maintenance/retention');
  const { startHealthJob } = await import('./lib/health/health-check');
  const { startSelectionJobs } = await import('./lib/directory/selection-job');
  const { webhookSettings } = await import('./lib/env');
  const { resumeRemapJobs } = await import('./lib/attributes/remap-job');
  const { startFieldIndexJobs } = await import('./lib/attributes/field-index-sweep');
  if (!webhookSettings().workerOff) startWebhookWorker();
  startRetentionJob();
  startHealthJob();
  startSelectionJobs();
  // A mapping's recompute a stopped process left unfinished (it logs nothing: its progress is in the job row).
  resumeRemapJobs().catch(() => {});
  // Host field indexes a stopped process left half built (and, every minute, one another process left so).
  startFieldIndexJobs();
}
