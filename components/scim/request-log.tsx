'use client';
// Every SCIM request the IdP sent, newest first, to the second: filter by status class and resource, find a person
// (refused creates too), see who each request concerns by name, open a row for its request and response bodies.
// On a phone the time and duration fold under the request instead of squeezing the path.
import { useSearchParams } from 'next/navigation';
import { useId, useState } from 'react';
import { formatSeconds } from '@/lib/client/format';
import { useCursorPager } from '@/lib/client/use-cursor-pager';
import { useDebounced } from '@/lib/client/use-debounced';
import { useRequestLog, type RequestFilter } from '@/lib/client/use-request-log';
import type { PortalRequest, RequestTotals } from '@/lib/client/types';
import { Badge, type BadgeTone } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { Input, Label, Select } from '../ui/field';
import { PagedTable } from '../ui/paged-table';
import { Td, Th } from '../ui/table';

const tone = (s: number): BadgeTone => (s >= 500 ? 'danger' : s >= 400 ? 'warning' : 'success');

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function Body({ title, text }: { title: string; text: string }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</p>
      {/* Focusable: a long body scrolls, and keyboard users must reach it (axe scrollable-region-focusable). */}
      <pre
        tabIndex={0}
        aria-label={title}
        className="max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-xs text-slate-100 focus-ring"
      >
        {pretty(text)}
      </pre>
    </div>
  );
}

/** The write's outcome in plain words, a refusal marked as such (issue 19's decision log). */
function Decision({ text, refused }: { text: string; refused: boolean }) {
  return (
    <span className={`block break-words text-xs ${refused ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </span>
  );
}

function Row({ r }: { r: PortalRequest }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const who = [r.person, r.group].filter(Boolean).join(' · ');
  return (
    <>
      <tr>
        <Td className="min-w-0">
          <span className="font-mono text-xs font-semibold text-slate-900">{r.method}</span> <span className="break-all font-mono text-xs">{r.path}</span>
          {who ? <span className="block break-words text-xs font-medium text-slate-800">{who}</span> : null}
          {r.decision ? <Decision text={r.decision} refused={r.status >= 400} /> : null}
          <span className="block text-xs text-slate-600 md:hidden">
            {formatSeconds(r.createdAt)} · {r.durationMs} ms
          </span>
        </Td>
        <Td className="hidden whitespace-nowrap md:table-cell">{formatSeconds(r.createdAt)}</Td>
        <Td>
          <Badge tone={tone(r.status)}>{r.status}</Badge>
        </Td>
        <Td className="hidden whitespace-nowrap tabular-nums lg:table-cell">{r.durationMs} ms</Td>
        <Td>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen(!open)}
            className="rounded text-sm font-medium text-slate-800 underline underline-offset-4 focus-ring"
          >
            {open ? 'Hide' : 'Details'}
            <span className="sr-only">
              {' '}
              of {r.method} {r.path}
            </span>
          </button>
        </Td>
      </tr>
      {open ? (
        <tr id={detailId}>
          <td colSpan={5} className="bg-slate-50 px-4 py-3">
            {r.error ? <p className="mb-2 break-words text-sm text-red-800">Refused: {r.error}</p> : null}
            <div className="grid gap-3 lg:grid-cols-2">
              {r.requestBody ? <Body title="Request body" text={r.requestBody} /> : <p className="text-sm text-slate-600">No request body.</p>}
              {r.responseBody ? (
                <Body title={`Response ${r.status}`} text={r.responseBody} />
              ) : (
                <p className="text-sm text-slate-600">No response body ({r.status}).</p>
              )}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function Totals({ t }: { t: RequestTotals }) {
  // A count that reached the cap is "at least": 10,000+.
  const n = (x: number, capped = false) => `${x.toLocaleString('en-US')}${capped ? '+' : ''}`;
  const anyCapped = t.capped.succeeded || t.capped.refused || t.capped.failed;
  return (
    <p className="px-4 pb-3 text-sm text-slate-700 sm:px-6" aria-live="polite">
      <strong className="text-slate-900">{n(t.total, anyCapped)}</strong> {t.total === 1 ? 'request' : 'requests'} kept: {n(t.succeeded, t.capped.succeeded)}{' '}
      succeeded, {n(t.refused, t.capped.refused)} refused, {n(t.failed, t.capped.failed)} failed.
    </p>
  );
}

export function RequestLog({ directoryId }: { directoryId: string }) {
  const params = useSearchParams();
  const initial = params.get('status');
  const [filter, setFilter] = useState<Omit<RequestFilter, 'person'>>({
    status: initial === '2xx' || initial === '4xx' || initial === '5xx' ? initial : '',
    resource: '',
  });
  const [personText, setPersonText] = useState(params.get('person') ?? '');
  const person = useDebounced(personText.trim());
  const pager = useCursorPager(`${filter.status}|${filter.resource}|${person}`);
  const q = useRequestLog(directoryId, { ...filter, person }, pager.cursor);
  const totals = q.data?.totals;
  return (
    <Card labelledBy="log-title" className="mt-2">
      <CardHeader
        id="log-title"
        title="Request log"
        description="Every SCIM request your identity provider sent, with the answer it got. Passwords are removed before anything is stored."
        actions={
          <div className="grid w-full gap-3 sm:w-auto sm:grid-cols-3">
            <div>
              <Label htmlFor="log-person">Find a person</Label>
              <Input
                id="log-person"
                type="search"
                placeholder="userName, email or externalId"
                value={personText}
                onChange={(e) => setPersonText(e.target.value)}
              />
            </div>
            <div>
              <Label htmlFor="log-status">Status</Label>
              <Select
                id="log-status"
                className="w-full"
                value={filter.status}
                onChange={(e) => setFilter({ ...filter, status: e.target.value as RequestFilter['status'] })}
              >
                <option value="">All</option>
                <option value="2xx">Success (2xx)</option>
                <option value="4xx">Refused (4xx)</option>
                <option value="5xx">Errors (5xx)</option>
              </Select>
            </div>
            <div>
              <Label htmlFor="log-resource">Resource</Label>
              <Select
                id="log-resource"
                className="w-full"
                value={filter.resource}
                onChange={(e) => setFilter({ ...filter, resource: e.target.value as RequestFilter['resource'] })}
              >
                <option value="">All</option>
                <option value="Users">Users</option>
                <option value="Groups">Groups</option>
              </Select>
            </div>
          </div>
        }
      />
      {totals ? <Totals t={totals} /> : null}
      <PagedTable
        query={q}
        pager={pager}
        loadingLabel="Loading requests"
        caption="SCIM requests"
        empty={
          <EmptyState
            title={filter.status || filter.resource || person ? 'No requests match these filters' : 'No requests yet'}
            description={
              person
                ? 'A person is found by the start of their userName or email, or by their exact externalId or user id.'
                : 'Requests appear here as soon as your identity provider connects.'
            }
          />
        }
        head={
          <>
            <Th>Request</Th>
            <Th className="hidden md:table-cell">Time</Th>
            <Th>Status</Th>
            <Th className="hidden lg:table-cell">Duration</Th>
            <Th>
              <span className="sr-only">Bodies</span>
            </Th>
          </>
        }
        row={(r) => <Row key={r.id} r={r} />}
      />
    </Card>
  );
}
