'use client';
// The connection's health (waiting, connected, degraded, silent), what went wrong and what to do about it. A single
// refused request is a warning listed here, never a change of health.
import Link from 'next/link';
import { formatDateTime, formatRelative } from '@/lib/client/format';
import { useConnectionStatus } from '@/lib/client/use-connection-status';
import type { ConnectionStatus, RefusedRequest } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Card, CardBody, CardHeader } from '../ui/card';
import { QueryState } from '../ui/query-state';
import { HealthBadge } from './health-badge';

function Refusal({ r }: { r: RefusedRequest }) {
  return (
    <li className="break-words text-sm">
      <span className="break-all font-mono text-xs">
        {r.method} {r.path}
      </span>{' '}
      → <strong>{r.status}</strong>
      {r.error ? <span className="text-slate-700">: {r.error}</span> : null} <span className="text-slate-600">({formatRelative(r.at)})</span>
      {r.routine ? <span className="text-slate-600"> · routine, not a failure</span> : null}
    </li>
  );
}

function Explanation({ c }: { c: ConnectionStatus }) {
  const u = c.unauthenticated;
  if (c.state === 'waiting') {
    return (
      <p className="text-sm text-slate-700">
        No request has arrived yet. Paste the Endpoint URL and Bearer Token into your identity provider and test the connection; this updates by itself.
      </p>
    );
  }
  if (c.state === 'degraded' && c.reason === 'auth_failures') {
    return (
      <Alert tone="danger" title="Your identity provider is using a wrong token">
        <p>
          {u?.sinceLastAccepted ?? 0} requests in a row were refused with 401 Unauthorized, the latest{' '}
          {u ? <time dateTime={u.lastAt}>{formatRelative(u.lastAt)}</time> : null}: the Bearer Token in your identity provider is wrong, revoked or expired.
          Generate a new token below and paste it there.
        </p>
      </Alert>
    );
  }
  if (c.state === 'degraded') {
    return (
      <Alert tone="danger" title="Your identity provider's requests are being refused">
        <p>The last requests were all refused. Check them below and in the request log, and your provider&apos;s attribute mappings.</p>
      </Alert>
    );
  }
  const last = c.lastRequestAt ? (
    <>
      <time dateTime={c.lastRequestAt}>{formatRelative(c.lastRequestAt)}</time> ({formatDateTime(c.lastRequestAt)})
    </>
  ) : null;
  if (c.state === 'silent') {
    return (
      <Alert tone="warning" title="No request for a while">
        <p>
          The last request arrived {last}. Your provider syncs about every {c.syncCycleMinutes ?? 40} minutes: check that provisioning is still on and not in
          quarantine.
        </p>
      </Alert>
    );
  }
  return <p className="text-sm text-slate-700">Last request {last}.</p>;
}

export function ConnectionCard({ directoryId }: { directoryId: string }) {
  const q = useConnectionStatus(directoryId);
  const c = q.data?.connection;
  const u = c?.unauthenticated;
  return (
    <Card labelledBy="conn-title">
      <CardHeader id="conn-title" title="Connection status" actions={c ? <HealthBadge state={c.state} /> : null} />
      <CardBody>
        <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} label="Checking the connection">
          <div aria-live="polite">
            {c ? <Explanation c={c} /> : null}
            {u && !(c?.state === 'degraded' && c.reason === 'auth_failures') ? (
              <p className="mt-3 text-sm text-slate-700">
                {u.count.toLocaleString('en-US')} {u.count === 1 ? 'request' : 'requests'} without a valid token so far
                {u.sinceLastAccepted > 0 ? ` (${u.sinceLastAccepted} since the last accepted one)` : ''}, the last{' '}
                <time dateTime={u.lastAt}>{formatDateTime(u.lastAt)}</time>. They are counted but not kept in the request log.
              </p>
            ) : null}
            {c && c.recentRefusals.length > 0 ? (
              <div className="mt-3">
                <p className="text-sm font-medium text-slate-800">Recently refused requests</p>
                <ul className="mt-1 space-y-1">
                  {c.recentRefusals.slice(0, 3).map((r) => (
                    <Refusal key={`${r.at}${r.path}`} r={r} />
                  ))}
                </ul>
                <Link
                  href={`/portal/scim/${directoryId}/requests?status=4xx`}
                  className="mt-2 inline-block rounded text-sm font-medium text-slate-800 underline underline-offset-4 focus-ring"
                >
                  See the request log
                </Link>
              </div>
            ) : null}
          </div>
        </QueryState>
      </CardBody>
    </Card>
  );
}
