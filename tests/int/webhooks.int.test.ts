// Webhook delivery against a real HTTP receiver: Standard Webhooks signatures verify with the standardwebhooks
// package; a receiver that refuses N attempts then accepts gets every event, in order per directory, no gaps.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryScope } from '../../lib/events/event-types';
import { createEndpoint } from '../../lib/webhooks/endpoints';
import { runDeliveryPass } from '../../lib/webhooks/worker';
import { call, newDirectory, user } from './scim-helpers';
import { countOf, rowsOf } from './db-rows';

interface Received {
  id: string;
  type: string;
  directoryId: string;
  verified: boolean;
}

let server: http.Server;
let url: string;
let refuseLeft = 0;
const received: Received[] = [];
let secret = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (refuseLeft > 0) {
        refuseLeft--;
        res.writeHead(503).end('down');
        return;
      }
      let verified: boolean;
      try {
        new Webhook(secret).verify(body, {
          'webhook-id': String(req.headers['webhook-id']),
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        });
        verified = true;
      } catch {
        verified = false;
      }
      const e = JSON.parse(body) as { id: string; type: string; directoryId: string };
      received.push({ id: e.id, type: e.type, directoryId: e.directoryId, verified });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function drain(maxPasses = 200): Promise<void> {
  for (let i = 0; i < maxPasses; i++) {
    const attempts = await runDeliveryPass(() => new Date(Date.now() + 60_000));
    if (attempts === 0 && (await countOf('WebhookDelivery', '"status" = ?', ['pending'])) === 0) return;
  }
}

describe('webhook delivery', () => {
  it('delivers every event once the receiver is back, in order per directory, signed', async () => {
    const dirs: DirectoryScope[] = [await newDirectory(), await newDirectory()];
    const created = await createEndpoint(dirs[0].hostId, { url, events: null });
    secret = created.secret;
    refuseLeft = 5;
    for (const d of dirs) {
      for (let i = 0; i < 4; i++) await call(d, 'POST', 'Users', user(`w${i}@example.com`));
      const g = await call(d, 'POST', 'Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'G' });
      await call(d, 'DELETE', `Groups/${g.body.id}`);
    }
    await drain();
    const events = await rowsOf(
      'Event',
      `"directoryId" IN (${dirs.map(() => '?').join(', ')})`,
      dirs.map((d) => d.directoryId),
      'ORDER BY "seq"',
    );
    expect(events).toHaveLength(12);
    for (const d of dirs) {
      const want = events.filter((e) => e.directoryId === d.directoryId).map((e) => e.id);
      const got = received.filter((r) => r.directoryId === d.directoryId).map((r) => r.id);
      expect(got).toEqual(want);
    }
    expect(received.every((r) => r.verified)).toBe(true);
    const failed = await countOf('WebhookAttempt', '"error" IS NOT NULL');
    expect(failed).toBe(5);
  });
});
