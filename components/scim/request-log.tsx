'use client';
// Every SCIM request the IdP sent, newest first: filter by status class and resource, open a row to see its body.
import { useSearchParams } from 'next/navigation';
import { useId, useState } from 'react';
import { formatDateTime } from '@/lib/client/format';
import { useCursorPager } from '@/lib/client/use-cursor-pager';
import { useRequestLog, type RequestFilter } from '@/lib/client/use-request-log';
import type { PortalRequest } from '@/lib/client/types';
import { Badge, type BadgeTone } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { Label, Select } from '../ui/field';
import { PagedTable } from '../ui/paged-table';
import { Td, Th } from '../ui/table';

const tone = (s: number): BadgeTone => (s >= 500 ? 'danger' : s >= 400 ? 'warning' : 'success');

function Row({ r }: { r: PortalRequest }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const hasDetail = Boolean(r.requestBody || r.error);
  return (
    <>
      <tr>
        <Td className="whitespace-nowrap">{formatDateTime(r.createdAt)}</Td>
        <Td className="font-mono text-xs font-semibold text-slate-900">{r.method}</Td>
        <Td className="max-w-xs break-all font-mono text-xs">{r.path}</Td>
        <Td>
          <Badge tone={tone(r.status)}>{r.status}</Badge>
        </Td>
        <Td className="whitespace-nowrap tabular-nums">{r.durationMs} ms</Td>
        <Td>
          {hasDetail ? (
            <button type="button" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)} className="rounded text-sm font-medium text-slate-800 underline underline-offset-4 focus-ring">
              {open ? 'Hide' : 'Details'}
            </button>
          ) : (
            <span className="text-slate-500">—</span>
          )}
        </Td>
      </tr>
      {open ? (
        <tr id={detailId}>
          <td colSpan={6} className="bg-slate-50 px-4 py-3">
            {r.error ? <p className="mb-2 text-sm text-red-800">Refused: {r.error}</p> : null}
            {r.requestBody ? <pre className="max-h-72 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{pretty(r.requestBody)}</pre> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function RequestLog({ directoryId }: { directoryId: string }) {
  const params = useSearchParams();
  const initial = params.get('status');
  const [filter, setFilter] = useState<RequestFilter>({ status: initial === '2xx' || initial === '4xx' || initial === '5xx' ? initial : '', resource: '' });
  const pager = useCursorPager(`${filter.status}|${filter.resource}`);
  const q = useRequestLog(directoryId, filter, pager.cursor);
  return (
    <Card labelledBy="log-title" className="mt-2">
      <CardHeader
        id="log-title"
        title="Request log"
        description="Every SCIM request your identity provider sent. Passwords are removed before anything is stored."
        actions={
          <div className="flex flex-wrap gap-3">
            <div>
              <Label htmlFor="log-status">Status</Label>
              <Select id="log-status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as RequestFilter['status'] })}>
                <option value="">All</option>
                <option value="2xx">Success (2xx)</option>
                <option value="4xx">Refused (4xx)</option>
                <option value="5xx">Errors (5xx)</option>
              </Select>
            </div>
            <div>
              <Label htmlFor="log-resource">Resource</Label>
              <Select id="log-resource" value={filter.resource} onChange={(e) => setFilter({ ...filter, resource: e.target.value as RequestFilter['resource'] })}>
                <option value="">All</option>
                <option value="Users">Users</option>
                <option value="Groups">Groups</option>
              </Select>
            </div>
          </div>
        }
      />
      <PagedTable
        query={q}
        pager={pager}
        loadingLabel="Loading requests"
        caption="SCIM requests"
        empty={
          <EmptyState
            title={filter.status || filter.resource ? 'No requests match these filters' : 'No requests yet'}
            description="Requests appear here as soon as your identity provider connects."
          />
        }
        head={
          <>
            <Th>Time</Th>
            <Th>Method</Th>
            <Th>Path</Th>
            <Th>Status</Th>
            <Th>Duration</Th>
            <Th>Body</Th>
          </>
        }
        row={(r) => <Row key={r.id} r={r} />}
      />
    </Card>
  );
}
