// The SCIM request log of one directory, newest first, keyset-paginated on (createdAt, id) so page 500 costs what
// page 1 does. Filters use the [directoryId, status, createdAt] index; a search by person reads the indexed person
// columns (userId, userNameLower, emailLower, externalId: lib/scim/request-person.ts), refused creates included.
import { read } from '../db/database';
import { escapeLike, LIKE_ESCAPE } from '../db/dialect';
import { columns, decode } from '../db/rows';
import type { ScimRequestLogRow } from '../db/schema';
import { all, type SqlEnv, type SqlProgram, type SqlValue } from '../db/sql-program';
import { beforeKey, pageOf } from '../directory/keyset';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type LogResource = 'Users' | 'Groups';

export type RequestLogRow = Omit<ScimRequestLogRow, 'directoryId'>;

/** Who a search names: an exact id or externalId, or the start of a userName or email (any case; `%` and `_` literal). */
function personWhere(q: string, params: SqlValue[]): string {
  const prefix = `${escapeLike(q.toLowerCase())}%`;
  params.push(q, q, prefix, prefix);
  return `("userId" = ? OR "externalId" = ? OR "userNameLower" LIKE ? ${LIKE_ESCAPE} OR "emailLower" LIKE ? ${LIKE_ESCAPE})`;
}

export async function requestLogPage({
  directoryId,
  statusClass,
  resource,
  person,
  limit,
  before,
}: {
  directoryId: string;
  statusClass?: StatusClass;
  resource?: LogResource;
  person?: string;
  limit: number;
  before?: { createdAt: Date; id: string } | null;
}): Promise<{
  rows: RequestLogRow[];
  next: { createdAt: Date; id: string } | null;
}> {
  const conds = ['"directoryId" = ?'];
  const params: SqlValue[] = [directoryId];
  if (statusClass) {
    const lo = Number(statusClass[0]) * 100;
    conds.push('"status" >= ? AND "status" < ?');
    params.push(lo, lo + 100);
  }
  if (resource) {
    conds.push('"resource" = ?');
    params.push(resource);
  }
  if (person) conds.push(personWhere(person, params));
  if (before) conds.push(beforeKey('"ScimRequestLog"', before, params));
  const sql = `SELECT ${columns('ScimRequestLog')} FROM "ScimRequestLog" WHERE ${conds.join(' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`;
  const rows = (await read(() => all(sql, [...params, limit + 1]))).map((r) => decode('ScimRequestLog', r));
  return pageOf(rows, limit, (r) => r);
}

export interface RequestTotals {
  total: number;
  succeeded: number;
  refused: number;
  failed: number;
}

/** How many requests the log holds (its retention: REQUEST_LOG_RETENTION_DAYS), by outcome: one grouped index read. */
export async function requestTotals(directoryId: string): Promise<RequestTotals> {
  const groups = await read(() => all(`SELECT "status", COUNT(*) AS "n" FROM "ScimRequestLog" WHERE "directoryId" = ? GROUP BY "status"`, [directoryId]));
  const t: RequestTotals = { total: 0, succeeded: 0, refused: 0, failed: 0 };
  for (const g of groups) {
    const n = Number(g.n);
    const status = Number(g.status);
    t.total += n;
    if (status >= 500) t.failed += n;
    else if (status >= 400) t.refused += n;
    else t.succeeded += n;
  }
  return t;
}

function* namesOf(env: SqlEnv, directoryId: string, table: 'DirectoryUser' | 'DirectoryGroup', column: string, ids: string[]): SqlProgram<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const [inIds, param] = env.dialect.inList('"id"', ids);
  const rows = yield* all(`SELECT "id", "${column}" AS "name" FROM "${table}" WHERE "directoryId" = ? AND ${inIds}`, [directoryId, param]);
  return new Map(rows.map((r) => [String(r.id), String(r.name)]));
}

/** Names for a page of rows: the users they resolved to, and the groups their paths name (two lookups by id). */
export async function namesForRows(directoryId: string, rows: RequestLogRow[]): Promise<{ users: Map<string, string>; groups: Map<string, string> }> {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))];
  const groupIds = [...new Set(rows.map((r) => /^\/Groups\/([^/?]+)/i.exec(r.path)?.[1]).filter((id): id is string => Boolean(id)))];
  return read(function* (env) {
    return {
      users: yield* namesOf(env, directoryId, 'DirectoryUser', 'userName', userIds),
      groups: yield* namesOf(env, directoryId, 'DirectoryGroup', 'displayName', groupIds),
    };
  });
}
