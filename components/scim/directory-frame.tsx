'use client';
// A configured directory: its name, status switch, and the tabs Overview / Setup / Users / Groups / Roles / Attributes /
// Request log.
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { queryKeys } from '@/lib/client/query-keys';
import { useConnectionStatus } from '@/lib/client/use-connection-status';
import { useDirectory } from '@/lib/client/use-directories';
import { Alert } from '../ui/alert';
import { QueryState } from '../ui/query-state';
import { Tabs } from '../ui/tabs';
import { ProviderMark } from './provider-logos';
import { StatusSwitch } from './status-switch';

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export function DirectoryFrame({ directoryId, children }: { directoryId: string; children: ReactNode }) {
  const dir = useDirectory(directoryId);
  const pathname = usePathname();
  const qc = useQueryClient();
  // The connection poll doubles as a change signal: a new IdP request may have changed the counts.
  const conn = useConnectionStatus(directoryId);
  const c = conn.data?.connection;
  const lastRequest = c && c.state !== 'waiting' ? c.lastRequestAt : null;
  useEffect(() => {
    if (lastRequest) void qc.invalidateQueries({ queryKey: queryKeys.directory(directoryId), exact: true });
  }, [lastRequest, directoryId, qc]);
  const base = `/portal/scim/${directoryId}`;
  const tabs = [
    { slug: '/overview', label: 'Overview' },
    { slug: '/setup', label: 'Setup' },
    { slug: '/users', label: 'Users' },
    { slug: '/groups', label: 'Groups' },
    { slug: '/roles', label: 'Roles' },
    { slug: '/attributes', label: 'Attributes' },
    { slug: '/requests', label: 'Request log' },
  ].map((t) => ({
    href: base + t.slug,
    label: t.label,
    id: `tab-${t.slug.slice(1)}`,
    active: pathname.startsWith(base + t.slug),
  }));
  const active = tabs.find((t) => t.active);
  return (
    <div className="space-y-4">
      <Link href="/portal/scim" className="inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900 focus-ring">
        <span aria-hidden="true">←</span> All directories
      </Link>
      <QueryState isPending={dir.isPending} error={dir.error} onRetry={() => void dir.refetch()} label="Loading directory">
        {dir.data ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="flex min-w-0 items-center gap-3">
                <ProviderMark provider={dir.data.provider} />
                <div className="min-w-0">
                  <h1 className="truncate text-xl font-semibold text-slate-900">{dir.data.name}</h1>
                  <p className="text-xs text-slate-600">
                    {dir.data.providerName} · {count(dir.data.userCount, 'user')} · {count(dir.data.groupCount, 'group')}
                  </p>
                </div>
              </div>
              <StatusSwitch directoryId={directoryId} status={dir.data.status} />
            </div>
            {dir.data.status === 'disabled' ? (
              <Alert tone="warning" title="This directory is disabled">
                Your identity provider&apos;s requests are refused (HTTP 403) and nothing is changed until you enable it again.
              </Alert>
            ) : null}
            <div className="border-b border-slate-200">
              <Tabs items={tabs} label="Directory sections" />
            </div>
            <div role="tabpanel" aria-labelledby={active?.id}>
              {children}
            </div>
          </>
        ) : null}
      </QueryState>
    </div>
  );
}
