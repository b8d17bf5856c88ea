// What the dashboard's home shows: a page of the host's organizations, each with its directories and how their
// IdP connections are doing. Connection state comes from the same function the portal uses, so both agree.
import type { Tx } from '../db/client';
import { listOrganizationDirectories, scimEndpoint } from '../directory/directories';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
import { findOrganization, listOrganizations } from '../organizations/organizations';
import type { HealthState } from '../health/directory-health';
import { connectionStatus } from '../portal/connection-status';

export interface DirectorySummary {
  id: string;
  provider: string;
  providerName: string;
  status: string;
  name: string;
  connection: HealthState;
  lastRequestAt: string | null;
  endpoint: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  externalId: string | null;
  createdAt: string;
  directories: DirectorySummary[];
}

export const ORGANIZATIONS_PER_PAGE = 20;

export async function organizationOverview(
  db: Tx,
  { hostId, after }: { hostId: string; after?: string },
): Promise<{ organizations: OrganizationSummary[]; nextAfter: string | null }> {
  // The cursor is an organization id; one of another host's reads as no cursor at all.
  const cursor = after ? await findOrganization(db, { hostId, id: after }) : null;
  const rows = await listOrganizations(db, { hostId, take: ORGANIZATIONS_PER_PAGE + 1, after: cursor ?? undefined });
  const page = rows.slice(0, ORGANIZATIONS_PER_PAGE);
  const organizations = await Promise.all(
    page.map(async (org) => ({
      id: org.id,
      name: org.name,
      externalId: org.externalId,
      createdAt: org.createdAt.toISOString(),
      directories: await directorySummaries(db, org.id),
    })),
  );
  return { organizations, nextAfter: rows.length > ORGANIZATIONS_PER_PAGE ? (page.at(-1)?.id ?? null) : null };
}

async function directorySummaries(db: Tx, organizationId: string): Promise<DirectorySummary[]> {
  const dirs = await listOrganizationDirectories(db, { organizationId });
  return Promise.all(
    dirs.map(async (d) => {
      const c = await connectionStatus(db, d);
      return {
        id: d.id,
        provider: d.provider,
        name: d.name,
        providerName: PROVIDER_NAMES[d.provider as Provider] ?? d.provider,
        status: d.status,
        connection: c.state,
        lastRequestAt: c.state === 'waiting' ? null : c.lastRequestAt,
        endpoint: scimEndpoint(d.id),
      };
    }),
  );
}
