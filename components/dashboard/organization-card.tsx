// One organization on the dashboard: its ids, its directories with their state, and "Open portal".
import type { ActionResult } from '@/lib/operators/operator-action';
import type { OrganizationSummary } from '@/lib/operators/organization-overview';
import { Card, CardHeader } from '../ui/card';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { HealthBadge } from '../scim/health-badge';
import { DirectoryStatusBadge } from './directory-badges';
import { OpenPortalButton } from './open-portal-button';
import { TimeText } from './time-text';

type OpenPortal = (organizationId: string) => Promise<ActionResult<{ url: string; expiresAt: string }>>;

export function OrganizationCard({ org, openPortal }: { org: OrganizationSummary; openPortal: OpenPortal }) {
  const titleId = `org-${org.id}`;
  return (
    <Card labelledBy={titleId}>
      <CardHeader
        id={titleId}
        title={org.name}
        description={
          <span className="flex flex-wrap gap-x-3 gap-y-1">
            <code className="break-all font-mono text-xs text-slate-700">{org.id}</code>
            {org.externalId ? <span className="text-xs">External ID: {org.externalId}</span> : null}
            <span className="text-xs">
              Created <TimeText iso={org.createdAt} />
            </span>
          </span>
        }
        actions={<OpenPortalButton organizationId={org.id} organizationName={org.name} action={openPortal} />}
      />
      {org.directories.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-600 sm:px-6">
          No directory yet. The organization&apos;s admin sets one up in the portal, or create one with{' '}
          <code className="break-all rounded bg-slate-100 px-1 font-mono text-xs">POST /api/v1/organizations/{org.id}/directories</code>.
        </p>
      ) : (
        <Table caption={`Directories of ${org.name}`}>
          <THead>
            <Th>Provider</Th>
            <Th>Status</Th>
            <Th>Connection</Th>
            <Th>Last request</Th>
            <Th>Directory ID</Th>
          </THead>
          <TBody>
            {org.directories.map((d) => (
              <tr key={d.id}>
                <Td className="font-medium text-slate-900">{d.providerName}</Td>
                <Td>
                  <DirectoryStatusBadge status={d.status} />
                </Td>
                <Td>
                  <HealthBadge state={d.connection} />
                </Td>
                <Td>
                  <TimeText iso={d.lastRequestAt} empty="Never" />
                </Td>
                <Td>
                  <code className="font-mono text-xs">{d.id}</code>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
