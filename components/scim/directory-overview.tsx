'use client';
// Where a connected directory opens: its health, what it holds, its latest requests, and the guide one click
// away; its settings (name, deletion) below.
import Link from 'next/link';
import { formatSeconds } from '@/lib/client/format';
import { useDirectory, useSetupCheck } from '@/lib/client/use-directories';
import { useRequestLog } from '@/lib/client/use-request-log';
import { Badge } from '../ui/badge';
import { buttonClass } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { ConnectionCard } from './connection-card';
import { DirectorySettings } from './directory-settings';
import { Diagnoses } from './setup-checklist';

function Counts({ directoryId }: { directoryId: string }) {
  const dir = useDirectory(directoryId);
  const base = `/portal/scim/${directoryId}`;
  const n = (x: number | undefined) => (x ?? 0).toLocaleString('en-US');
  return (
    <div className="grid grid-cols-2 gap-4">
      <Link href={`${base}/users`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300 focus-ring">
        <span className="block text-2xl font-semibold text-slate-900">{n(dir.data?.userCount)}</span>
        <span className="text-sm text-slate-600">Users</span>
      </Link>
      <Link href={`${base}/groups`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-slate-300 focus-ring">
        <span className="block text-2xl font-semibold text-slate-900">{n(dir.data?.groupCount)}</span>
        <span className="text-sm text-slate-600">Groups</span>
      </Link>
    </div>
  );
}

function LatestRequests({ directoryId }: { directoryId: string }) {
  const q = useRequestLog(directoryId, { status: '', resource: '', person: '' }, null);
  const rows = (q.data?.data ?? []).slice(0, 5);
  return (
    <Card labelledBy="latest-title">
      <CardHeader
        id="latest-title"
        title="Latest requests"
        actions={
          <Link href={`/portal/scim/${directoryId}/requests`} className="rounded text-sm font-medium text-slate-800 underline underline-offset-4 focus-ring">
            Request log
          </Link>
        }
      />
      {rows.length === 0 ? (
        <CardBody>
          <p className="text-sm text-slate-600">No request yet.</p>
        </CardBody>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm sm:px-6">
              <Badge tone={r.status >= 500 ? 'danger' : r.status >= 400 ? 'warning' : 'success'}>{r.status}</Badge>
              <span className="min-w-0 flex-1 break-all font-mono text-xs">
                {r.method} {r.path}
              </span>
              {r.person ? <span className="text-xs font-medium text-slate-800">{r.person}</span> : null}
              <time className="text-xs text-slate-600" dateTime={r.createdAt}>
                {formatSeconds(r.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function DirectoryOverview({ directoryId }: { directoryId: string }) {
  const dir = useDirectory(directoryId);
  const check = useSetupCheck(directoryId);
  if (!dir.data) return null;
  return (
    <div className="space-y-6 pt-2">
      <ConnectionCard directoryId={directoryId} />
      {check.data ? <Diagnoses check={check.data} provider={dir.data.provider} /> : null}
      <Counts directoryId={directoryId} />
      <LatestRequests directoryId={directoryId} />
      <p className="text-sm text-slate-700">
        Need to change something in {dir.data.providerName}?{' '}
        <Link href={`/portal/scim/${directoryId}/setup`} className={buttonClass('secondary', 'sm', 'ml-1')}>
          Open the setup guide
        </Link>
      </p>
      <DirectorySettings key={dir.data.name} directory={dir.data} />
    </div>
  );
}
