// What the dashboard's home shows: a page of the host's organizations, newest first, found by name (any part, any
// case), externalId or id, each with its directories and their health. Built for thousands of organizations: the
// page, the total and the directories are three indexed queries whatever the page (bench/dashboard.ts times them).
import type { Tx } from '../db/client';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
import type { HealthState } from '../health/directory-health';

export interface DirectorySummary {
  id: string;
  name: string;
  provider: string;
  providerName: string;
  status: string;
  /** As the health check last stored it (lib/health/health-check.ts): the list reads no request log. */
  connection: HealthState;
  lastRequestAt: string | null;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  externalId: string | null;
  createdAt: string;
  directories: DirectorySummary[];
}

export const ORGANIZATIONS_PER_PAGE = 20;

/** A search: any part of the name (case-insensitive), or an exact externalId or id. */
function searchWhere(hostId: string, q: string | undefined) {
  const s = q?.trim();
  if (!s) return { hostId };
  return { hostId, OR: [{ nameLower: { contains: s.toLowerCase() } }, { externalId: s }, { id: s }] };
}

export async function organizationOverview(
  db: Tx,
  { hostId, q, page = 1 }: { hostId: string; q?: string; page?: number },
): Promise<{ organizations: OrganizationSummary[]; total: number; page: number; pages: number }> {
  const where = searchWhere(hostId, q);
  const total = await db.organization.count({ where });
  const pages = Math.max(1, Math.ceil(total / ORGANIZATIONS_PER_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.organization.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * ORGANIZATIONS_PER_PAGE,
    take: ORGANIZATIONS_PER_PAGE,
    select: { id: true, name: true, externalId: true, createdAt: true },
  });
  const dirs = rows.length
    ? await db.directory.findMany({
        where: { organizationId: { in: rows.map((o) => o.id) } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, organizationId: true, name: true, provider: true, status: true, health: true, lastRequestAt: true },
      })
    : [];
  const byOrg = new Map<string, DirectorySummary[]>();
  for (const d of dirs) {
    const list = byOrg.get(d.organizationId) ?? [];
    list.push({
      id: d.id,
      name: d.name,
      provider: d.provider,
      providerName: PROVIDER_NAMES[d.provider as Provider] ?? d.provider,
      status: d.status,
      connection: d.health as HealthState,
      lastRequestAt: d.lastRequestAt?.toISOString() ?? null,
    });
    byOrg.set(d.organizationId, list);
  }
  return {
    organizations: rows.map((o) => ({ id: o.id, name: o.name, externalId: o.externalId, createdAt: o.createdAt.toISOString(), directories: byOrg.get(o.id) ?? [] })),
    total,
    page: current,
    pages,
  };
}
