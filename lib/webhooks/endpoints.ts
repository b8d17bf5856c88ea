// Webhook endpoints of a host: URL, event-type filter, and a Standard Webhooks signing secret (whsec_…), stored
// encrypted and shown when created or rotated. A new or re-enabled endpoint starts at the end of its host's feed.
import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/client';
import { DomainError } from '../domain-error';
import type { EventType } from '../events/event-types';
import { newId } from '../ids';
import { encryptSecret } from '../secrets/encryption';
import { checkTargetUrl, TargetRefused } from './outbound/resolve';

export interface EndpointRow {
  id: string;
  hostId: string;
  url: string;
  events: string;
  secret: string;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export function toApiEndpoint(e: EndpointRow) {
  return {
    id: e.id,
    url: e.url,
    events: JSON.parse(e.events) as EventType[],
    enabled: e.enabled,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

async function guard(url: string): Promise<void> {
  try {
    await checkTargetUrl(url);
  } catch (e) {
    if (e instanceof TargetRefused) throw new DomainError('invalid', `url: ${e.message}`);
    throw e;
  }
}

/** The newest event of the host: where a new or re-enabled endpoint's deliveries start from. */
async function feedEnd(db: Tx, hostId: string): Promise<number> {
  return (await db.event.aggregate({ where: { hostId }, _max: { seq: true } }))._max.seq ?? 0;
}

export async function createEndpoint(db: Tx, hostId: string, input: { url: string; events?: EventType[] | null }) {
  await guard(input.url);
  const secret = newSigningSecret();
  const row = await db.webhookEndpoint.create({
    data: {
      id: newId('whk'),
      hostId,
      url: input.url,
      events: JSON.stringify(input.events ?? []),
      secret: encryptSecret(secret),
      position: await feedEnd(db, hostId),
    },
  });
  return { row, secret };
}

export function findEndpoint(db: Tx, { hostId, id }: { hostId: string; id: string }): Promise<EndpointRow | null> {
  return db.webhookEndpoint.findFirst({ where: { id, hostId } });
}

export function listEndpoints(db: Tx, hostId: string): Promise<EndpointRow[]> {
  return db.webhookEndpoint.findMany({ where: { hostId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

/**
 * A new URL, or re-enabling, starts the endpoint afresh: no failure history, and (re-enabling) deliveries queued
 * from now on; events written while it was disabled can be replayed. Disabling by hand is recorded as such.
 */
export async function updateEndpoint(
  db: Tx,
  { hostId, id }: { hostId: string; id: string },
  input: { url?: string; events?: EventType[] | null; enabled?: boolean },
): Promise<EndpointRow | null> {
  const current = await findEndpoint(db, { hostId, id });
  if (!current) return null;
  if (input.url) await guard(input.url);
  const enabling = input.enabled === true && !current.enabled;
  const fresh = enabling || (input.url !== undefined && input.url !== current.url);
  const r = await db.webhookEndpoint.updateMany({
    where: { id, hostId },
    data: {
      ...(input.url ? { url: input.url } : {}),
      ...(input.events !== undefined ? { events: JSON.stringify(input.events ?? []) } : {}),
      ...(input.enabled === false && current.enabled ? { enabled: false, disabledAt: new Date(), disabledReason: 'manual' } : {}),
      ...(enabling ? { enabled: true, disabledAt: null, disabledReason: null, position: await feedEnd(db, hostId) } : {}),
      ...(fresh ? { failingSince: null, everDelivered: false } : {}),
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
