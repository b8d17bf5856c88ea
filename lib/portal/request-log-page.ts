// The SCIM request log of one directory, newest first, keyset-paginated on (createdAt, id) so page 500 costs what
// page 1 does. Filters use the [directoryId, status, createdAt] index.
import { read } from '../db/database';
import { columns, decode } from '../db/rows';
import type { ScimRequestLogRow } from '../db/schema';
import type { SqlValue } from '../db/sql-program';
import { all } from '../db/sql-program';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type LogResource = 'Users' | 'Groups';

export type RequestLogRow = Omit<ScimRequestLogRow, 'directoryId'>;

export async function requestLogPage(
  {
    directoryId,
    statusClass,
    resource,
    limit,
    before,
  }: { directoryId: string; statusClass?: StatusClass; resource?: LogResource; limit: number; before?: { createdAt: Date; id: string } | null },
): Promise<{ rows: RequestLogRow[]; next: { createdAt: Date; id: string } | null }> {
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
  if (before) {
    conds.push('("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))');
    params.push(before.createdAt, before.createdAt, before.id);
  }
  const sql = `SELECT ${columns('ScimRequestLog')} FROM "ScimRequestLog" WHERE ${conds.join(' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`;
  const rows = (await read(() => all(sql, [...params, limit + 1]))).map((r) => decode('ScimRequestLog', r));
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}
