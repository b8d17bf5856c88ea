// The SCIM request log of one directory, newest first, keyset-paginated on (createdAt, id) so page 500 costs what
// page 1 does. An outcome (2xx, 4xx, 5xx) reads the (directoryId, status / 100, createdAt, id) index (migration 0028)
// in page order; a search by person reads the indexed person columns (userId, userNameLower, emailLower, externalId:
// lib/scim/request-person.ts), refused creates included; a resource alone, which no index holds, is read as a scan.
import { read, scan } from '../db/database';
import { escapeLike, LIKE_ESCAPE } from '../db/dialect';
import { columns, decode } from '../db/rows';
import type { ScimRequestLogRow } from '../db/schema';
import { all, one, type SqlEnv, type SqlProgram, type SqlValue } from '../db/sql-program';
import { beforeKey, pageOf } from '../directory/keyset';

type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
type LogResource = 'Users' | 'Groups';

export type RequestLogRow = Omit<ScimRequestLogRow, 'directoryId'>;

/**
 * Who a search names: an exact id or externalId, or the start of a userName or email (any case; `%` and `_`
 * literal). What happened to a person: writes, refusals and lookups that found nobody, not reads of a user (the
 * person indexes leave those out, migration 0019; the condition is theirs, word for word, and each branch's comparison
 * implies its own index's key present, migration 0024, so the planner uses them).
 */
function personWhere(directoryId: string, q: string, params: SqlValue[]): string {
  const lower = q.toLowerCase();
  // Each branch names the directory and the indexes' condition, so each reads its own index (SQLite: MULTI-INDEX OR;
  // PostgreSQL: BitmapOr); its parameters are pushed as it is written.
  const branch = (cond: string, ...values: SqlValue[]) => {
    params.push(directoryId, ...values);
    return `("directoryId" = ? AND ("method" <> 'GET' OR "userId" IS NULL) AND ${cond})`;
  };
  // A prefix as a range the index reads on either database, then LIKE for the exact answer where the collation
  // orders text other than byte by byte.
  const prefix = (c: string) => branch(`"${c}" >= ? AND "${c}" < ? AND "${c}" LIKE ? ${LIKE_ESCAPE}`, lower, `${lower}\u{10FFFF}`, `${escapeLike(lower)}%`);
  return `(${branch('"userId" = ?', q)} OR ${branch('"externalId" = ?', q)} OR ${prefix('userNameLower')} OR ${prefix('emailLower')})`;
}

export interface RequestLogFilters {
  directoryId: string;
  statusClass?: StatusClass;
  resource?: LogResource;
  person?: string;
  limit: number;
  before?: { createdAt: Date; id: string } | null;
}

/** The indexed expression (migration 0028), word for word, so the planner uses the index. */
const STATUS_CLASS = '("status" / 100)';

/** The statement of a page: `limit + 1` rows, newest first. */
export function requestLogQuery({ directoryId, statusClass, resource, person, limit, before }: RequestLogFilters): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  // By person, each branch of the search names the directory (personWhere).
  const conds = person ? [personWhere(directoryId, person, params)] : ['"directoryId" = ?'];
  if (!person) params.push(directoryId);
  if (statusClass) {
    conds.push(`${STATUS_CLASS} = ?`);
    params.push(Number(statusClass[0]));
  }
  if (resource) {
    conds.push('"resource" = ?');
    params.push(resource);
  }
  if (before) conds.push(beforeKey('"ScimRequestLog"', before, params));
  const sql = `SELECT ${columns('ScimRequestLog')} FROM "ScimRequestLog" WHERE ${conds.join(' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`;
  return { sql, params: [...params, limit + 1] };
}

export async function requestLogPage(filters: RequestLogFilters): Promise<{
  rows: RequestLogRow[];
  next: { createdAt: Date; id: string } | null;
}> {
  const { sql, params } = requestLogQuery(filters);
  // A resource without a person may read the whole log before it finds a page: a scan (lib/db/scan-gate.ts).
  const reader = filters.resource && !filters.person ? scan : read;
  const rows = (await reader(() => all(sql, params))).map((r) => decode('ScimRequestLog', r));
  return pageOf(rows, filters.limit, (r) => r);
}

/** Totals count up to this many requests of an outcome; past it they read "10,000+". */
export const TOTALS_CAP = 10_000;

export interface RequestTotals {
  total: number;
  succeeded: number;
  refused: number;
  failed: number;
  /** Counts that reached TOTALS_CAP (and `total` with them): at least that many. */
  capped: { succeeded: boolean; refused: boolean; failed: boolean };
}

/**
 * How many requests the log holds (its retention: REQUEST_LOG_RETENTION_DAYS), by outcome, in one statement: each a
 * range of the outcome index read up to TOTALS_CAP entries, so a directory with millions of requests costs what one with ten
 * thousand does (the portal asks every 5 s while its log is open).
 */
export async function requestTotals(directoryId: string): Promise<RequestTotals> {
  const count = (cond: string, as: string) =>
    `(SELECT COUNT(*) FROM (SELECT 1 FROM "ScimRequestLog" WHERE "directoryId" = ? AND ${STATUS_CLASS} ${cond} LIMIT ?) x) AS "${as}"`;
  const r = await read(() =>
    one(`SELECT ${count('< 4', 'succeeded')}, ${count('= 4', 'refused')}, ${count('>= 5', 'failed')}`, [
      directoryId,
      TOTALS_CAP,
      directoryId,
      TOTALS_CAP,
      directoryId,
      TOTALS_CAP,
    ]),
  );
  const [succeeded, refused, failed] = [r?.succeeded, r?.refused, r?.failed].map((n) => Number(n ?? 0));
  const capped = { succeeded: succeeded >= TOTALS_CAP, refused: refused >= TOTALS_CAP, failed: failed >= TOTALS_CAP };
  return { total: succeeded + refused + failed, succeeded, refused, failed, capped };
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
