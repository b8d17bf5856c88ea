'use client';
// "Waiting for the first request" / "Connected" / "Failing", with what went wrong and what to do about it.
import Link from 'next/link';
import { formatDateTime, formatRelative } from '@/lib/client/format';
import { useConnectionStatus } from '@/lib/client/use-connection-status';
import type { RefusedRequest, Unauthenticated as UnauthenticatedCount } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { QueryState } from '../ui/query-state';

function Refusal({ r }: { r: RefusedRequest }) {
  return (
    <li className="break-words text-sm">
      <span className="break-all font-mono text-xs">
        {r.method} {r.path}
      </span>{' '}
      → <strong>{r.status}</strong>
      {r.error ? <span className="text-slate-700">: {r.error}</span> : null} <span className="text-slate-600">({formatRelative(r.at)})</span>
    </li>
  );
}

/** Requests without a valid token are counted, not logged: they may come from anyone who knows the endpoint. */
function Unauthenticated({ u }: { u: UnauthenticatedCount }) {
  return (
    <p className="text-sm text-slate-700">
      {u.count.toLocaleString()} {u.count === 1 ? 'request' : 'requests'} without a valid token so far, the last{' '}
      <time dateTime={u.lastAt}>{formatDateTime(u.lastAt)}</time>. They are counted but not kept in the request log.
    </p>
  );
}

export function ConnectionCard({ directoryId }: { directoryId: string }) {
  const q = useConnectionStatus(directoryId);
  const c = q.data?.connection;
  const badge =
    !c ? null : c.state === 'waiting' ? (
      <Badge tone="info" dot>Waiting for the first request</Badge>
    ) : c.state === 'connected' ? (
      <Badge tone="success" dot>Connected</Badge>
    ) : (
      <Badge tone="danger" dot>Failing</Badge>
    );
  return (
    <Card labelledBy="conn-title">
      <CardHeader id="conn-title" title="Connection status" actions={badge} />
      <CardBody>
        <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} label="Checking the connection">
          <div aria-live="polite">
            {c?.state === 'waiting' ? (
              <p className="text-sm text-slate-700">
                No request has arrived yet. Paste the Endpoint URL and Bearer Token into your identity provider and test the connection; this updates by itself.
              </p>
            ) : null}
            {c?.state === 'connected' ? (
              <p className="text-sm text-slate-700">
                Last request <time dateTime={c.lastRequestAt}>{formatRelative(c.lastRequestAt)}</time> ({formatDateTime(c.lastRequestAt)}).
              </p>
            ) : null}
            {c?.state === 'failing' && c.reason === 'unauthorized' ? (
              <Alert tone="danger" title="Your identity provider is using a wrong token">
                <p>
                  Requests since the last accepted one were refused with 401 Unauthorized, the latest{' '}
                  <time dateTime={c.unauthenticated.lastAt}>{formatRelative(c.unauthenticated.lastAt)}</time>: the Bearer Token in your
                  identity provider is wrong, revoked or expired. Generate a new token below and paste it there.
                </p>
                <Unauthenticated u={c.unauthenticated} />
              </Alert>
            ) : null}
            {c?.state === 'failing' && c.reason === 'refused' ? (
              <Alert tone="danger" title="The last request was refused">
                <p>The identity provider sent a request this directory could not accept. Check the request below and your provider&apos;s attribute mappings.</p>
                <ul className="mt-2 space-y-1">
                  <Refusal r={c.latest} />
                </ul>
              </Alert>
            ) : null}
            {c && c.state !== 'waiting' && !(c.state === 'failing' && c.reason === 'unauthorized') && c.unauthenticated ? (
              <div className="mt-3">
                <Unauthenticated u={c.unauthenticated} />
              </div>
            ) : null}
            {c && c.state !== 'waiting' && c.recentRefusals.length > 0 ? (
              <div className="mt-3">
                <p className="text-sm font-medium text-slate-800">Recently refused requests</p>
                <ul className="mt-1 space-y-1">
                  {c.recentRefusals.slice(0, 3).map((r) => (
                    <Refusal key={`${r.at}${r.path}`} r={r} />
                  ))}
                </ul>
                <Link href={`/portal/scim/${directoryId}/requests?status=4xx`} className="mt-2 inline-block rounded text-sm font-medium text-slate-800 underline underline-offset-4 focus-ring">
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
