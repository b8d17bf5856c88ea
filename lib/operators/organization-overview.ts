// What the dashboard's home shows: a page of the host's organizations, newest first, found by name (any part, any
// case), externalId or id, each with its directories and their health. Built for thousands of organizations: the
// page, the total and the directories are three indexed queries whatever the page (bench/dashboard.ts times them).
import { dialect, type Tx } from '../db/client';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
import { likeFilter } from '../scim/filter/like';
import type { HealthState } from '../health/directory-health';

interface DirectorySummary {
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

const ORGANIZATIONS_PER_PAGE = 20;

/** Organizations whose name holds a `%` or `_` search literally, on SQLite (Prisma's LIKE has no ESCAPE there). */
const LITERAL_MATCHES = 1000;

async function literalNameMatches(db: Tx, hostId: string, lower: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM "Organization" WHERE "hostId" = ? AND "nameLower" LIKE ? ESCAPE '\\' LIMIT ${LITERAL_MATCHES}`,
    hostId,
    `%${lower.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  );
  return rows.map((r) => r.id);
}

/** A search: any part of the name (case-insensitive, `%` and `_` literal), or an exact externalId or id. */
async function searchWhere(db: Tx, hostId: string, q: string | undefined) {
  const s = q?.trim();
  if (!s) return { hostId };
  const lower = s.toLowerCase();
  const name =
    dialect() === 'sqlite' && /[%_\\]/.test(lower) ? { id: { in: await literalNameMatches(db, hostId, lower) } } : { nameLower: likeFilter('co', lower, dialect()) };
  return { hostId, OR: [name, { externalId: s }, { id: s }] };
}

export async function organizationOverview(
  db: Tx,
  { hostId, q, page = 1 }: { hostId: string; q?: string; page?: number },
): Promise<{ organizations: OrganizationSummary[]; total: number; page: number; pages: number }> {
  const where = await searchWhere(db, hostId, q);
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
