'use client';
// SCIM Provisioning home: the organization's directories, and the provider picker to configure one.
import Link from 'next/link';
import { formatRelative } from '@/lib/client/format';
import { useDirectories } from '@/lib/client/use-directories';
import { Badge } from '../ui/badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { QueryState } from '../ui/query-state';
import { HealthBadge } from './health-badge';
import { ProviderMark } from './provider-logos';
import { ProviderPicker } from './provider-picker';

export function ScimOverview() {
  const dirs = useDirectories();
  const list = dirs.data ?? [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">SCIM Provisioning</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Connect your identity provider so that people and groups are created, updated and deactivated here automatically.
        </p>
      </div>
      <QueryState isPending={dirs.isPending} error={dirs.error} onRetry={() => void dirs.refetch()} label="Loading directories">
        {list.length > 0 ? (
          <Card labelledBy="dirs-title">
            <CardHeader id="dirs-title" title="Your directories" description="Open a directory to see its connection, users, groups and roles." />
            <ul className="divide-y divide-slate-100">
              {list.map((d) => (
                <li key={d.id}>
                  <Link href={`/portal/scim/${d.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50 focus-ring sm:px-6">
                    <ProviderMark provider={d.provider} />
                    <span className="min-w-0 flex-1">
                      <span className="block text-sm font-semibold text-slate-900">{d.name}</span>
                      <span className="block truncate text-xs text-slate-600">
                        {d.providerName} · last request {formatRelative(d.lastRequestAt)}
                      </span>
                    </span>
                    <span className="flex flex-col items-end gap-1 sm:flex-row sm:items-center">
                      {d.status === 'enabled' ? (
                        d.health ? (
                          <HealthBadge state={d.health} />
                        ) : null
                      ) : (
                        <Badge tone="neutral" dot>
                          Disabled
                        </Badge>
                      )}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card labelledBy="picker-title">
          <CardHeader
            id="picker-title"
            title={list.length ? 'Add a directory' : 'Choose your identity provider'}
            description="Pick the provider your organization uses. You will get an Endpoint URL and a Bearer Token to paste into it, with step-by-step instructions."
          />
          <CardBody>
            <ProviderPicker />
          </CardBody>
        </Card>
      </QueryState>
    </div>
  );
}
