// Host API: webhook endpoints, their deliveries and replays.
import { read, scan } from '../db/database';
import { decodeCursor, encodeCursor } from '../events/cursor';
import { createEndpoint, deleteEndpoint, findEndpoint, listEndpoints, rotateEndpointSecret, toApiEndpoint, updateEndpoint } from '../webhooks/endpoints';
import { deliveryCounts, deliveryPage } from '../webhooks/delivery-log';
import { eventSeq } from '../events/feed';
import { replayEvents } from '../webhooks/replay';
import { createWebhookEndpointInputSchema, replayInputSchema, updateWebhookEndpointInputSchema } from '../schemas/webhook';
import { listQuerySchema, queryObject } from '../schemas/pagination';
import { ApiError, apiNotFound } from './api-error';
import type { ApiContext } from './with-api-key';

export async function postEndpoint({ hostId, json }: ApiContext): Promise<Response> {
  const input = createWebhookEndpointInputSchema.parse(await json());
  const { row, secret } = await createEndpoint(hostId, input);
  return Response.json({ ...toApiEndpoint(row), secret }, { status: 201 });
}

export async function getEndpoints({ hostId }: ApiContext): Promise<Response> {
  return Response.json({ data: (await listEndpoints(hostId)).map(toApiEndpoint), nextCursor: null });
}

export async function getEndpoint({ hostId, params }: ApiContext): Promise<Response> {
  const e = await findEndpoint({ hostId, id: params.endpointId });
  if (!e) throw apiNotFound('Webhook endpoint');
  // The counts read up to WEBHOOK_MAX_PENDING pending rows and every dropped one: a scan, not the shared read path.
  return Response.json({ ...toApiEndpoint(e), deliveries: await scan(() => deliveryCounts(e.id)) });
}

export async function patchEndpoint({ hostId, params, json }: ApiContext): Promise<Response> {
  const input = updateWebhookEndpointInputSchema.parse(await json());
  const e = await updateEndpoint({ hostId, id: params.endpointId }, input);
  if (!e) throw apiNotFound('Webhook endpoint');
  return Response.json(toApiEndpoint(e));
}

export async function removeEndpoint({ hostId, params }: ApiContext): Promise<Response> {
  if (!(await deleteEndpoint({ hostId, id: params.endpointId }))) throw apiNotFound('Webhook endpoint');
  return new Response(null, { status: 204 });
}

export async function rotateSecret({ hostId, params }: ApiContext): Promise<Response> {
  const secret = await rotateEndpointSecret({ hostId, id: params.endpointId });
  if (!secret) throw apiNotFound('Webhook endpoint');
  return Response.json({ id: params.endpointId, secret });
}

export async function getDeliveries({ hostId, params, url }: ApiContext): Promise<Response> {
  const e = await findEndpoint({ hostId, id: params.endpointId });
  if (!e) throw apiNotFound('Webhook endpoint');
  const q = listQuerySchema.parse(queryObject(url));
  const before = q.cursor ? decodeCursor('deliveries', hostId, q.cursor) : undefined;
  if (before === null) throw new ApiError('invalid_request', 400, 'cursor: invalid');
  const rows = await read((env) => deliveryPage(env, { endpointId: e.id, beforeSeq: before, take: q.limit + 1 }));
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return Response.json({
    data: page.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      directoryId: d.directoryId,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      log: d.log.map((a) => ({ attempt: a.attempt, statusCode: a.statusCode, latencyMs: a.latencyMs, error: a.error, at: a.createdAt.toISOString() })),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor('deliveries', hostId, last.eventSeq) : null,
  });
}

export async function postReplay({ hostId, params, json }: ApiContext): Promise<Response> {
  const input = replayInputSchema.parse(await json());
  const seqOf = async (id?: string) => {
    if (!id) return undefined;
    const seq = await read(() => eventSeq(hostId, id));
    if (seq === null) throw apiNotFound(`Event ${id}`);
    return seq;
  };
  const select = input.eventId ? { eventId: input.eventId } : { fromSeq: await seqOf(input.from), toSeq: await seqOf(input.to) };
  if (input.eventId) await seqOf(input.eventId);
  const queued = await replayEvents({ hostId, endpointId: params.endpointId }, select);
  if (queued < 0) throw apiNotFound('Webhook endpoint');
  return Response.json({ queued }, { status: 202 });
}
