// The organization page: header with "Open portal", its directories, its latest events, and its settings.
import Link from 'next/link';
import type { ActionResult } from '@/lib/operators/operator-action';
import type { OrganizationDetail } from '@/lib/operators/organization-detail';
import { Card, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { PageHeader } from './dashboard-shell';
import { DirectoryPanel, type ChangeDirectory } from './directory-panel';
import { OpenPortalButton } from './open-portal-button';
import { OrganizationSettings } from './organization-settings';
import type { FormAction } from './use-form-action';
import { TimeText } from './time-text';

export interface OrganizationActions {
  openPortal: (organizationId: string) => Promise<ActionResult<{ url: string; expiresAt: string }>>;
  update: FormAction<{ id: string; name: string }>;
  remove: (organizationId: string, confirm: string) => Promise<ActionResult<{ id: string }>>;
  changeDirectory: ChangeDirectory;
}

export function OrganizationView({ org, actions }: { org: OrganizationDetail; actions: OrganizationActions }) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/dashboard" className="rounded font-medium text-slate-600 hover:text-slate-900 focus-ring">
          <span aria-hidden="true">←</span> All organizations
        </Link>
      </p>
      <PageHeader
        title={org.name}
        description={
          <span className="flex flex-wrap gap-x-3 gap-y-1">
            <code className="break-all font-mono text-xs text-slate-700">{org.id}</code>
            {org.externalId ? <span className="break-all text-xs">External ID: {org.externalId}</span> : null}
            <span className="text-xs">
              Created <TimeText iso={org.createdAt} />
            </span>
            <Link href={`/dashboard/audit?organization=${org.id}`} className="rounded text-xs font-medium underline underline-offset-2 focus-ring">
              Audit log
            </Link>
          </span>
        }
        actions={<OpenPortalButton organizationId={org.id} organizationName={org.name} action={actions.openPortal} />}
      />
      <div className="space-y-6">
        {org.directories.length === 0 ? (
          <Card>
            <EmptyState
              title="No directory yet"
              description={
                <>
                  The organization&apos;s admin sets one up in the portal, or create one with{' '}
                  <code className="break-all rounded bg-slate-100 px-1 font-mono text-xs">POST /api/v1/organizations/{org.id}/directories</code>.
                </>
              }
            />
          </Card>
        ) : (
          org.directories.map((d) => <DirectoryPanel key={d.id} directory={d} change={actions.changeDirectory} />)
        )}
        <Card labelledBy="events-title">
          <CardHeader id="events-title" title="Latest events" description="What your app received (events feed and webhooks), newest first." />
          {org.events.length === 0 ? (
            <EmptyState title="No events yet" />
          ) : (
            <Table caption="Latest events">
              <THead>
                <Th>Event</Th>
                <Th className="hidden sm:table-cell">Directory</Th>
                <Th>Time</Th>
              </THead>
              <TBody>
                {org.events.map((e) => (
                  <tr key={e.id}>
                    <Td className="break-all font-mono text-xs text-slate-900">{e.type}</Td>
                    <Td className="hidden sm:table-cell">{e.directoryName ?? '—'}</Td>
                    <Td>
                      <TimeText iso={e.createdAt} />
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <OrganizationSettings org={org} update={actions.update} remove={actions.remove} />
      </div>
    </>
  );
}
