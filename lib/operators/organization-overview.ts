// What the dashboard's home shows: a page of the host's organizations, newest first, found by name (any part, any
// case), externalId or id, each with its directories and their health. Built for thousands of organizations: the
// page, the total and the directories are three indexed queries whatever the page (bench/dashboard.ts times them).
import { read } from '../db/database';
import { escapeLike, LIKE_ESCAPE } from '../db/dialect';
import { all, one, type SqlValue } from '../db/sql-program';
import { columns, decode } from '../db/rows';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
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

/** A search: any part of the name (case-insensitive, `%` and `_` literal), or an exact externalId or id. */
function searchWhere(hostId: string, q: string | undefined): { sql: string; params: SqlValue[] } {
  const s = q?.trim();
  if (!s) return { sql: `"hostId" = ?`, params: [hostId] };
  const name = `%${escapeLike(s.toLowerCase())}%`;
  return { sql: `"hostId" = ? AND ("nameLower" LIKE ? ${LIKE_ESCAPE} OR "externalId" = ? OR "id" = ?)`, params: [hostId, name, s, s] };
}

export async function organizationOverview({
  hostId,
  q,
  page = 1,
}: {
  hostId: string;
  q?: string;
  page?: number;
}): Promise<{ organizations: OrganizationSummary[]; total: number; page: number; pages: number }> {
  const where = searchWhere(hostId, q);
  return read(function* (env) {
    const total = Number((yield* one(`SELECT COUNT(*) AS "n" FROM "Organization" WHERE ${where.sql}`, where.params))?.n ?? 0);
    const pages = Math.max(1, Math.ceil(total / ORGANIZATIONS_PER_PAGE));
    const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
    const rows = (yield* all(
      `SELECT ${columns('Organization', undefined, ['id', 'name', 'externalId', 'createdAt'])} FROM "Organization" WHERE ${where.sql}
       ORDER BY "createdAt" DESC, "id" DESC LIMIT ? OFFSET ?`,
      [...where.params, ORGANIZATIONS_PER_PAGE, (current - 1) * ORGANIZATIONS_PER_PAGE],
    )).map((r) => decode('Organization', r));
    const [inOrgs, orgList] = env.dialect.inList(
      '"organizationId"',
      rows.map((o) => o.id),
    );
    const dirs = rows.length
      ? (yield* all(`SELECT ${columns('Directory')} FROM "Directory" WHERE ${inOrgs} ORDER BY "createdAt", "id"`, [orgList])).map((r) => decode('Directory', r))
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
      organizations: rows.map((o) => ({
        id: o.id,
        name: o.name,
        externalId: o.externalId,
        createdAt: o.createdAt.toISOString(),
        directories: byOrg.get(o.id) ?? [],
      })),
      total,
      page: current,
      pages,
    };
  });
}
