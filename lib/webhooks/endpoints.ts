// Webhook endpoints of a host: URL, event-type filter, and a Standard Webhooks signing secret (whsec_…), stored
// encrypted and shown when created or rotated. A new or re-enabled endpoint starts at the end of its host's feed.
import { randomBytes } from 'node:crypto';
import { read, write } from '../db/database';
import { columns, decode, insertOp, updateOp } from '../db/rows';
import type { WebhookEndpointRow } from '../db/schema';
import { all, changes, one, rowsOf, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import type { EventType } from '../events/event-types';
import { settledEventSeq } from '../events/feed';
import { newId } from '../ids';
import { encryptSecret } from '../secrets/encryption';
import { checkTargetUrl, TargetRefused } from './outbound/resolve';

export type EndpointRow = WebhookEndpointRow;

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

/**
 * The newest settled event of the host: where a new or re-enabled endpoint's deliveries start from. In the
 * endpoint's transaction, so the host's event writers wait for its commit (a rare write, and short).
 */
const feedEnd = (env: SqlEnv, hostId: string): SqlProgram<number> => settledEventSeq(env, hostId);

/** The endpoint of this host, or null, read in the caller's transaction. */
export function* endpointOf({ hostId, id }: { hostId: string; id: string }): SqlProgram<EndpointRow | null> {
  const r = yield* one(`SELECT ${columns('WebhookEndpoint')} FROM "WebhookEndpoint" WHERE "id" = ? AND "hostId" = ?`, [id, hostId]);
  return r ? decode('WebhookEndpoint', r) : null;
}

export async function createEndpoint(hostId: string, input: { url: string; events?: EventType[] | null }) {
  await guard(input.url);
  const secret = newSigningSecret();
  const row = await write(function* (env) {
    const values = {
      id: newId('whk'),
      hostId,
      url: input.url,
      events: JSON.stringify(input.events ?? []),
      secret: encryptSecret(secret),
      position: yield* feedEnd(env, hostId),
      disabledAt: null,
      disabledReason: null,
      failingSince: null,
    };
    const [r] = yield* rowsOf(insertOp(env.dialect, 'WebhookEndpoint', [values], { returning: columns('WebhookEndpoint') }));
    return decode('WebhookEndpoint', r);
  });
  return { row, secret };
}

export function findEndpoint(scope: { hostId: string; id: string }): Promise<EndpointRow | null> {
  return read(() => endpointOf(scope));
}

export async function listEndpoints(hostId: string): Promise<EndpointRow[]> {
  const rows = await read(() => all(`SELECT ${columns('WebhookEndpoint')} FROM "WebhookEndpoint" WHERE "hostId" = ? ORDER BY "createdAt", "id"`, [hostId]));
  return rows.map((r) => decode('WebhookEndpoint', r));
}

/**
 * A new URL, or re-enabling, starts the endpoint afresh: no failure history, and (re-enabling) deliveries queued
 * from now on; events written while it was disabled can be replayed. Disabling by hand is recorded as such.
 */
export async function updateEndpoint(
  { hostId, id }: { hostId: string; id: string },
  input: { url?: string; events?: EventType[] | null; enabled?: boolean },
): Promise<EndpointRow | null> {
  const current = await findEndpoint({ hostId, id });
  if (!current) return null;
  if (input.url) await guard(input.url);
  return write((env) => changeEndpoint(env, current, input));
}

/** The change itself, in the caller's transaction (the dashboard's re-enable audits it in the same one). */
export function* changeEndpoint(
  env: SqlEnv,
  current: EndpointRow,
  input: { url?: string; events?: EventType[] | null; enabled?: boolean },
): SqlProgram<EndpointRow | null> {
  const enabling = input.enabled === true && !current.enabled;
  const fresh = enabling || (input.url !== undefined && input.url !== current.url);
  const set = {
    ...(input.url ? { url: input.url } : {}),
    ...(input.events !== undefined ? { events: JSON.stringify(input.events ?? []) } : {}),
    ...(input.enabled === false && current.enabled ? { enabled: false, disabledAt: new Date(), disabledReason: 'manual' } : {}),
    ...(enabling ? { enabled: true, disabledAt: null, disabledReason: null, position: yield* feedEnd(env, current.hostId) } : {}),
    ...(fresh ? { failingSince: null, everDelivered: false } : {}),
  };
  const [r] = yield* rowsOf(
    updateOp(env.dialect, 'WebhookEndpoint', set, `"id" = ? AND "hostId" = ?`, [current.id, current.hostId], columns('WebhookEndpoint')),
  );
  return r ? decode('WebhookEndpoint', r) : null;
}

export async function rotateEndpointSecret(scope: { hostId: string; id: string }): Promise<string | null> {
  const secret = newSigningSecret();
  const n = await write((env) =>
    changes(updateOp(env.dialect, 'WebhookEndpoint', { secret: encryptSecret(secret) }, `"id" = ? AND "hostId" = ?`, [scope.id, scope.hostId])),
  );
  return n ? secret : null;
}

export async function deleteEndpoint(scope: { hostId: string; id: string }): Promise<boolean> {
  return (await write(() => run(`DELETE FROM "WebhookEndpoint" WHERE "id" = ? AND "hostId" = ?`, [scope.id, scope.hostId]))) > 0;
}
