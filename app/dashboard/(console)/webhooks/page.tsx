// GET /dashboard/webhooks: webhook endpoints (url, events, enabled or why not, backlog) with their recent deliveries.
import type { Metadata } from 'next';
import { PageHeader } from '@/components/dashboard/dashboard-shell';
import { WebhookEndpointCard } from '@/components/dashboard/webhook-endpoint-card';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { requireOperator } from '@/lib/operators/session';
import { RECENT_DELIVERIES, webhookOverview } from '@/lib/operators/webhook-overview';
import { reenableEndpointAction } from '../../_actions/webhook-actions';

export const metadata: Metadata = { title: 'Webhooks' };

export default async function WebhooksPage() {
  const operator = await requireOperator();
  const endpoints = await webhookOverview(operator.hostId);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={`Where directory events are delivered (Standard Webhooks signatures), with the last ${RECENT_DELIVERIES} deliveries to each endpoint.`}
      />
      {endpoints.length === 0 ? (
        <Card>
          <EmptyState
            title="No webhook endpoints"
            description="Register one from your app with POST /api/v1/webhook-endpoints; its deliveries then show here."
          />
        </Card>
      ) : (
        <div className="space-y-4">
          {endpoints.map((e) => (
            <WebhookEndpointCard key={e.id} endpoint={e} reenable={reenableEndpointAction} />
          ))}
        </div>
      )}
    </>
  );
}
