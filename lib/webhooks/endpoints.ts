// Webhook endpoints of a host: URL, event-type filter, and a Standard Webhooks signing secret (whsec_…),
// stored encrypted and shown when created or rotated.
import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/client';
import { DomainError } from '../domain-error';
import type { EventType } from '../events/event-types';
import { newId } from '../ids';
import { encryptSecret } from '../secrets/encryption';
import { checkTarget, TargetRefused } from './target-guard';

export interface EndpointRow {
  id: string;
  hostId: string;
  url: string;
  events: string;
  secret: string;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export function toApiEndpoint(e: EndpointRow) {
  return {
    id: e.id,
    url: e.url,
    events: JSON.parse(e.events) as EventType[],
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

async function guard(url: string): Promise<void> {
  try {
    await checkTarget(url);
  } catch (e) {
    if (e instanceof TargetRefused) throw new DomainError('invalid', `url: ${e.message}`);
    throw e;
  }
}

export async function createEndpoint(db: Tx, hostId: string, input: { url: string; events?: EventType[] | null }) {
  await guard(input.url);
  const secret = newSigningSecret();
  const row = await db.webhookEndpoint.create({
    data: { id: newId('whk'), hostId, url: input.url, events: JSON.stringify(input.events ?? []), secret: encryptSecret(secret) },
  });
  return { row, secret };
}

export function findEndpoint(db: Tx, { hostId, id }: { hostId: string; id: string }): Promise<EndpointRow | null> {
  return db.webhookEndpoint.findFirst({ where: { id, hostId } });
}

export function listEndpoints(db: Tx, hostId: string): Promise<EndpointRow[]> {
  return db.webhookEndpoint.findMany({ where: { hostId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export async function updateEndpoint(
  db: Tx,
  { hostId, id }: { hostId: string; id: string },
  input: { url?: string; events?: EventType[] | null; enabled?: boolean },
): Promise<EndpointRow | null> {
  if (input.url) await guard(input.url);
  const r = await db.webhookEndpoint.updateMany({
    where: { id, hostId },
    data: {
      ...(input.url ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: JSON.stringify(input.events ?? []) } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
    },
  });
  return r.count ? findEndpoint(db, { hostId, id }) : null;
}

export async function rotateEndpointSecret(db: Tx, scope: { hostId: string; id: string }): Promise<string | null> {
  const secret = newSigningSecret();
  const r = await db.webhookEndpoint.updateMany({ where: scope, data: { secret: encryptSecret(secret) } });
  return r.count ? secret : null;
}

export async function deleteEndpoint(db: Tx, scope: { hostId: string; id: string }): Promise<boolean> {
  return (await db.webhookEndpoint.deleteMany({ where: scope })).count > 0;
}

/** Whether an endpoint subscribed to `type` (an empty list means every type). */
export function subscribes(e: { events: string }, type: string): boolean {
  const list = JSON.parse(e.events) as string[];
  return list.length === 0 || list.includes(type);
}
