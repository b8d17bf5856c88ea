// What the process finishes before it exits, once its HTTP server has stopped taking requests: the request log
// still buffered, the webhook worker and the health check, the database connections. scripts/serve.mjs, which owns the process's
// signals and its server, calls it (through the SCIM route handler: scim-route.ts).
import { closeDatabase } from './db/database';
import { stopHealthJob } from './health/health-check';
import { flushRequestLog } from './scim/request-log';
import { stopWebhookWorker } from './webhooks/worker';

export async function shutdown(): Promise<void> {
  stopWebhookWorker();
  stopHealthJob();
  await flushRequestLog();
  await closeDatabase();
}
