// Host API: webhook endpoints, their deliveries and replays.
import { read } from '../db/database';
import { decodeCursor, encodeCursor } from '../events/cursor';
import { createEndpoint, deleteEndpoint, findEndpoint, listEndpoints, rotateEndpointSecret, toApiEndpoint, updateEndpoint } from '../webhooks/endpoints';
import { deliveryCounts } from '../webhooks/delivery-log';
import { replayEvents } from '../webhooks/replay';
import { createWebhookEndpointInputSchema, replayInputSchema, updateWebhookEndpointInputSchema } from '../schemas/webhook';
import { listQuerySchema, queryObject } from '../schemas/pagination';
import { ApiError, apiNotFound } from './api-error';
import type { ApiContext } from './with-api-key';

export async function postEndpoint({ db, hostId, json }: ApiContext): Promise<Response> {
  const input = createWebhookEndpointInputSchema.parse(await json());
  const { row, secret } = await createEndpoint(db, hostId, input);
  return Response.json({ ...toApiEndpoint(row), secret }, { status: 201 });
}

export async function getEndpoints({ db, hostId }: ApiContext): Promise<Response> {
  return Response.json({ data: (await listEndpoints(db, hostId)).map(toApiEndpoint), nextCursor: null });
}

export async function getEndpoint({ db, hostId, params }: ApiContext): Promise<Response> {
  const e = await findEndpoint(db, { hostId, id: params.endpointId });
  if (!e) throw apiNotFound('Webhook endpoint');
  return Response.json({ ...toApiEndpoint(e), deliveries: await read(() => deliveryCounts(e.id)) });
}

export async function patchEndpoint({ db, hostId, params, json }: ApiContext): Promise<Response> {
  const input = updateWebhookEndpointInputSchema.parse(await json());
  const e = await updateEndpoint(db, { hostId, id: params.endpointId }, input);
  if (!e) throw apiNotFound('Webhook endpoint');
  return Response.json(toApiEndpoint(e));
}

export async function removeEndpoint({ db, hostId, params }: ApiContext): Promise<Response> {
  if (!(await deleteEndpoint(db, { hostId, id: params.endpointId }))) throw apiNotFound('Webhook endpoint');
  return new Response(null, { status: 204 });
}

export async function rotateSecret({ db, hostId, params }: ApiContext): Promise<Response> {
  const secret = await rotateEndpointSecret(db, { hostId, id: params.endpointId });
  if (!secret) throw apiNotFound('Webhook endpoint');
  return Response.json({ id: params.endpointId, secret });
}

export async function getDeliveries({ db, hostId, params, url }: ApiContext): Promise<Response> {
  const e = await findEndpoint(db, { hostId, id: params.endpointId });
  if (!e) throw apiNotFound('Webhook endpoint');
  const q = listQuerySchema.parse(queryObject(url));
  const before = q.cursor ? decodeCursor('deliveries', hostId, q.cursor) : undefined;
  if (before === null) throw new ApiError('invalid_request', 400, 'cursor: invalid');
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: e.id, ...(before !== undefined ? { eventSeq: { lt: before } } : {}) },
    orderBy: { eventSeq: 'desc' },
    take: q.limit + 1,
    include: { log: { orderBy: { attempt: 'asc' } } },
  });
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

export async function postReplay({ db, hostId, params, json }: ApiContext): Promise<Response> {
  const input = replayInputSchema.parse(await json());
  const seqOf = async (id?: string) => {
    if (!id) return undefined;
    const ev = await db.event.findFirst({ where: { id, hostId }, select: { seq: true } });
    if (!ev) throw apiNotFound(`Event ${id}`);
    return ev.seq;
  };
  const select = input.eventId ? { eventId: input.eventId } : { fromSeq: await seqOf(input.from), toSeq: await seqOf(input.to) };
  if (input.eventId) await seqOf(input.eventId);
  const queued = await replayEvents({ hostId, endpointId: params.endpointId }, select);
  if (queued < 0) throw apiNotFound('Webhook endpoint');
  return Response.json({ queued }, { status: 202 });
}
