// Standard Webhooks signatures (webhook-signature: `v1,<base64 HMAC-SHA256 of "id.timestamp.payload">`), made with
// node:crypto; the receiver's side is checked against the standardwebhooks package in the tests.
import { createHmac } from 'node:crypto';

export function signingKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

export function signatureHeaders(key: Buffer, id: string, timestampSec: number, payload: string): Record<string, string> {
  const sig = createHmac('sha256', key).update(`${id}.${timestampSec}.${payload}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSec), 'webhook-signature': `v1,${sig}` };
}
