// One webhook endpoint and its most recent deliveries: enough to see at a glance whether the host's receiver is
// keeping up, and why not.
import type { EndpointSummary } from '@/lib/operators/webhook-overview';
import { Badge, type BadgeTone } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { TimeText } from './time-text';

const STATUS_TONE: Record<string, BadgeTone> = { delivered: 'success', pending: 'info', failed: 'danger' };

export function WebhookEndpointCard({ endpoint }: { endpoint: EndpointSummary }) {
  const titleId = `whk-${endpoint.id}`;
  return (
    <Card labelledBy={titleId}>
      <CardHeader
        id={titleId}
        title={<span className="break-all">{endpoint.url}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {endpoint.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}
            <span className="text-xs">Events: {endpoint.events.length ? endpoint.events.join(', ') : 'all'}</span>
            <code className="font-mono text-xs text-slate-700">{endpoint.id}</code>
          </span>
        }
      />
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
