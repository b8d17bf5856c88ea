// The SCIM request log of one directory, newest first, keyset-paginated on (createdAt, id) so page 500 costs what
// page 1 does. Filters use the [directoryId, status, createdAt] index; a search by person reads the indexed person
// columns (userId, userNameLower, emailLower, externalId: lib/scim/request-person.ts), refused creates included.
import { dialect, type Tx } from '../db/client';
import { likeFilter } from '../scim/filter/like';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type LogResource = 'Users' | 'Groups';

export interface RequestLogRow {
  id: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  resource: string | null;
  requestBody: string | null;
  responseBody: string | null;
  userId: string | null;
  userNameLower: string | null;
  emailLower: string | null;
  error: string | null;
  createdAt: Date;
}

/**
 * Who a search names: an exact id or externalId, or the start of a userName or email (any case; `%` and `_` are
 * literal: likeFilter makes the prefix an exact range on SQLite and escapes it on PostgreSQL).
 */
function personWhere(q: string) {
  const prefix = likeFilter('sw', q.toLowerCase(), dialect());
  return { OR: [{ userId: q }, { externalId: q }, { userNameLower: prefix }, { emailLower: prefix }] };
}

export async function requestLogPage(
  db: Tx,
  {
    directoryId,
    statusClass,
    resource,
    person,
    limit,
    before,
  }: { directoryId: string; statusClass?: StatusClass; resource?: LogResource; person?: string; limit: number; before?: { createdAt: Date; id: string } | null },
): Promise<{ rows: RequestLogRow[]; next: { createdAt: Date; id: string } | null }> {
  const lo = statusClass ? Number(statusClass[0]) * 100 : null;
  const rows = await db.scimRequestLog.findMany({
    where: {
      directoryId,
      ...(lo !== null ? { status: { gte: lo, lt: lo + 100 } } : {}),
      ...(resource ? { resource } : {}),
      AND: [
        person ? personWhere(person) : {},
        before ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: {
      id: true, method: true, path: true, status: true, durationMs: true, resource: true, requestBody: true, responseBody: true,
      userId: true, userNameLower: true, emailLower: true, error: true, createdAt: true,
    },
  });
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}

export interface RequestTotals {
  total: number;
  succeeded: number;
  refused: number;
  failed: number;
}

/** How many requests the log holds (its retention: REQUEST_LOG_RETENTION_DAYS), by outcome: one grouped index read. */
export async function requestTotals(db: Tx, directoryId: string): Promise<RequestTotals> {
  const groups = await db.scimRequestLog.groupBy({ by: ['status'], where: { directoryId }, _count: { _all: true } });
  const t: RequestTotals = { total: 0, succeeded: 0, refused: 0, failed: 0 };
  for (const g of groups) {
    const n = g._count._all;
    t.total += n;
    if (g.status >= 500) t.failed += n;
    else if (g.status >= 400) t.refused += n;
    else t.succeeded += n;
  }
  return t;
}

/** Names for a page of rows: the users they resolved to, and the groups their paths name (two lookups by id). */
export async function namesForRows(db: Tx, directoryId: string, rows: RequestLogRow[]): Promise<{ users: Map<string, string>; groups: Map<string, string> }> {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))];
  const groupIds = [...new Set(rows.map((r) => /^\/Groups\/([^/?]+)/i.exec(r.path)?.[1]).filter((id): id is string => Boolean(id)))];
  const [users, groups] = await Promise.all([
    userIds.length ? db.directoryUser.findMany({ where: { directoryId, id: { in: userIds } }, select: { id: true, userName: true } }) : [],
    groupIds.length ? db.directoryGroup.findMany({ where: { directoryId, id: { in: groupIds } }, select: { id: true, displayName: true } }) : [],
  ]);
  return { users: new Map(users.map((u) => [u.id, u.userName])), groups: new Map(groups.map((g) => [g.id, g.displayName])) };
}
