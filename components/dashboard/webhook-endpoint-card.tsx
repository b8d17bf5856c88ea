// One webhook endpoint and its most recent deliveries: enough to see at a glance whether the host's receiver is
// keeping up, and why not.
import type { EndpointSummary } from '@/lib/operators/webhook-overview';
import type { ActionResult } from '@/lib/operators/operator-action';
import { Badge, type BadgeTone } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { ReenableEndpointButton } from './reenable-endpoint-button';
import { TimeText } from './time-text';

const STATUS_TONE: Record<string, BadgeTone> = { delivered: 'success', pending: 'info', failed: 'danger', dropped: 'danger' };

const WHY_DISABLED: Record<string, string> = {
  failing: 'every delivery failed for too long (WEBHOOK_DISABLE_AFTER_HOURS)',
  never_delivered: 'it never accepted a delivery (WEBHOOK_DISABLE_NEW_AFTER_HOURS)',
  manual: 'it was disabled through the API',
};

type Reenable = (id: string) => Promise<ActionResult<{ id: string }>>;

export function WebhookEndpointCard({ endpoint, reenable }: { endpoint: EndpointSummary; reenable: Reenable }) {
  const titleId = `whk-${endpoint.id}`;
  return (
    <Card labelledBy={titleId}>
      <CardHeader
        id={titleId}
        title={<span className="break-all">{endpoint.url}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {endpoint.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>}
            <span className="text-xs">Events: {endpoint.events.length ? endpoint.events.join(', ') : 'all'}</span>
            <span className="text-xs">
              {endpoint.backlog ? (
                <>
                  Pending: {endpoint.backlog.pending}
                  {endpoint.backlog.dropped ? ` · Dropped (backlog over WEBHOOK_MAX_PENDING): ${endpoint.backlog.dropped}` : ''}
                </>
              ) : (
                'Backlog not counted: the server is busy with other searches; reload to count it'
              )}
            </span>
            <code className="font-mono text-xs text-slate-700">{endpoint.id}</code>
          </span>
        }
      />
      {!endpoint.enabled ? (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 px-4 py-3 text-sm text-slate-800 sm:px-6">
          <p>
            Disabled
            {endpoint.disabledAt ? (
              <>
                {' '}
                on <TimeText iso={endpoint.disabledAt} />
              </>
            ) : null}
            {endpoint.disabledReason ? `: ${WHY_DISABLED[endpoint.disabledReason] ?? endpoint.disabledReason}` : ''}. Nothing is sent to it; re-enabling sends
            its pending deliveries and queues new events from then on (replay the ones in between through the API).
          </p>
          <ReenableEndpointButton id={endpoint.id} url={endpoint.url} action={reenable} />
        </div>
      ) : endpoint.failingSince ? (
        <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-800 sm:px-6">
          Failing since <TimeText iso={endpoint.failingSince} />: every attempt since has failed.
        </p>
      ) : null}
      {endpoint.deliveries.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600 sm:px-6">No deliveries yet. Events are delivered here as directories change.</p>
      ) : (
        <Table caption={`Recent deliveries to ${endpoint.url}`}>
          <THead>
            <Th>Event</Th>
            <Th>Status</Th>
            <Th>Attempts</Th>
            <Th>Last response</Th>
            <Th>Latency</Th>
            <Th>Error</Th>
            <Th>Created</Th>
          </THead>
          <TBody>
            {endpoint.deliveries.map((d) => (
              <tr key={d.id}>
                <Td>
                  <span className="block whitespace-nowrap font-medium text-slate-900">{d.eventType ?? 'unknown'}</span>
                  <code className="font-mono text-xs">{d.eventId}</code>
                </Td>
                <Td>
                  <Badge tone={STATUS_TONE[d.status] ?? 'neutral'}>{d.status}</Badge>
                </Td>
                <Td>{d.attempts}</Td>
                <Td>{d.lastStatus ?? '—'}</Td>
                <Td className="whitespace-nowrap">{d.lastLatencyMs === null ? '—' : `${d.lastLatencyMs} ms`}</Td>
                <Td className="max-w-xs break-words text-xs">{d.lastError ?? '—'}</Td>
                <Td>
                  <TimeText iso={d.createdAt} />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
