// Webhook endpoints of a host with their most recent deliveries and backlog, for the dashboard, and re-enabling one
// (audited). Event types are looked up in one query for the whole page rather than per delivery.
import { read, scan, write } from '../db/database';
import { ScansBusy } from '../db/scan-gate';
import { auditSql } from '../audit/audit-log';
import { DomainError } from '../domain-error';
import { eventTypes } from '../events/feed';
import { deliveryCounts, recentDeliveries, type DeliveryCounts } from '../webhooks/delivery-log';
import { changeEndpoint, endpointOf, listEndpoints, toApiEndpoint } from '../webhooks/endpoints';

interface DeliverySummary {
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
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  /** Null when no scan place was free to count it. */
  backlog: DeliveryCounts | null;
  createdAt: string;
  deliveries: DeliverySummary[];
}

export const RECENT_DELIVERIES = 10;

export async function webhookOverview(hostId: string): Promise<EndpointSummary[]> {
  const endpoints = await listEndpoints(hostId);
  const [withDeliveries, backlogs] = await Promise.all([
    Promise.all(endpoints.map(async (e) => ({ endpoint: toApiEndpoint(e), deliveries: await read(() => recentDeliveries(e.id, RECENT_DELIVERIES)) }))),
    // The backlogs count up to WEBHOOK_MAX_PENDING rows and every dropped one each: one scan for the page.
    scan(function* () {
      const counts: DeliveryCounts[] = [];
      for (const e of endpoints) counts.push(yield* deliveryCounts(e.id));
      return counts;
    }).catch((e: unknown) => {
      if (e instanceof ScansBusy) return null;
      throw e;
    }),
  ]);
  const eventIds = [...new Set(withDeliveries.flatMap((w) => w.deliveries.map((d) => d.eventId)))];
  const typeOf = await read((env) => eventTypes(env, hostId, eventIds));
  return withDeliveries.map(({ endpoint, deliveries }, i) => ({
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledAt: endpoint.disabledAt,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince,
    backlog: backlogs?.[i] ?? null,
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

export async function reenableEndpoint({ hostId, id, actor }: { hostId: string; id: string; actor: string }): Promise<void> {
  await write(function* (env) {
    const current = yield* endpointOf({ hostId, id });
    if (!current || !(yield* changeEndpoint(env, current, { enabled: true }))) throw new DomainError('not_found', 'That webhook endpoint no longer exists');
    yield* auditSql(env, { hostId, actor, action: 'webhook_endpoint.enabled', target: id });
  });
}
