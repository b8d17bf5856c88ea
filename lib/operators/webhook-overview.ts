// Webhook endpoints of a host with their most recent deliveries, for the dashboard. Event types are looked up in
// one query for the whole page rather than per delivery.
import type { Tx } from '../db/client';
import { listEndpoints, toApiEndpoint } from '../webhooks/endpoints';

export interface DeliverySummary {
  id: string;
  eventId: string;
  eventType: string | null;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  createdAt: string;
}

export interface EndpointSummary {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  createdAt: string;
  deliveries: DeliverySummary[];
}

export const RECENT_DELIVERIES = 10;

export async function webhookOverview(db: Tx, hostId: string): Promise<EndpointSummary[]> {
  const endpoints = await listEndpoints(db, hostId);
  const withDeliveries = await Promise.all(
    endpoints.map(async (e) => ({
      endpoint: toApiEndpoint(e),
      deliveries: await db.webhookDelivery.findMany({ where: { endpointId: e.id }, orderBy: { eventSeq: 'desc' }, take: RECENT_DELIVERIES }),
    })),
  );
  const eventIds = [...new Set(withDeliveries.flatMap((w) => w.deliveries.map((d) => d.eventId)))];
  const events = eventIds.length ? await db.event.findMany({ where: { id: { in: eventIds }, hostId }, select: { id: true, type: true } }) : [];
  const typeOf = new Map(events.map((ev) => [ev.id, ev.type]));
  return withDeliveries.map(({ endpoint, deliveries }) => ({
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    enabled: endpoint.enabled,
    createdAt: endpoint.createdAt,
    deliveries: deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: typeOf.get(d.eventId) ?? null,
      status: d.status,
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastLatencyMs: d.lastLatencyMs,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
    })),
  }));
}
