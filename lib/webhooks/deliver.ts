// One delivery attempt: the event as a Standard Webhooks message (webhook-id, webhook-timestamp,
// webhook-signature), POSTed without following redirects, its outcome logged and the next attempt scheduled.
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/client';
import { toEnvelope } from '../events/feed';
import { newId } from '../ids';
import { decryptSecret } from '../secrets/encryption';
import { nextAttemptAt } from './schedule';
import { checkTarget } from './target-guard';

const TIMEOUT_MS = Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);

export interface LeasedDelivery {
  id: string;
  endpointId: string;
  eventSeq: number;
  attempts: number;
}

export async function deliver(db: Db, d: LeasedDelivery): Promise<boolean> {
  const [endpoint, event] = await Promise.all([
    db.webhookEndpoint.findUnique({ where: { id: d.endpointId } }),
    db.event.findUnique({ where: { seq: d.eventSeq } }),
  ]);
  if (!endpoint || !event) {
    await db.webhookDelivery.update({ where: { id: d.id }, data: { status: 'failed', lastError: 'endpoint or event gone', leasedUntil: null } });
    return false;
  }
  const payload = JSON.stringify(toEnvelope(event));
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    await checkTarget(endpoint.url);
    const timestamp = new Date();
    const signature = new Webhook(decryptSecret(endpoint.secret)).sign(event.id, timestamp, payload);
    const res = await fetch(endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'scim-portal-webhooks/1',
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: payload,
    });
    status = res.status;
    await res.arrayBuffer().catch(() => undefined);
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (e) {
    error = (e as Error).name === 'TimeoutError' ? `timed out after ${TIMEOUT_MS} ms` : (e as Error).message.slice(0, 500);
  }
  const latencyMs = Math.round(performance.now() - started);
  const attempt = d.attempts + 1;
  const ok = error === null;
  const next = ok ? null : nextAttemptAt(attempt);
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({ data: { id: newId('att'), deliveryId: d.id, attempt, statusCode: status, latencyMs, error } });
    await tx.webhookDelivery.update({
      where: { id: d.id },
      data: {
        attempts: attempt,
        lastStatus: status,
        lastError: error,
        lastLatencyMs: latencyMs,
        leasedUntil: null,
        ...(ok
          ? { status: 'delivered', deliveredAt: new Date() }
          : next
            ? { nextAttemptAt: next }
            : { status: 'failed' }),
      },
    });
  });
  return ok;
}
