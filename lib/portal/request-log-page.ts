// The SCIM request log of one directory, newest first, keyset-paginated on (createdAt, id) so page 500 costs what
// page 1 does. Filters use the [directoryId, status, createdAt] index.
import type { Tx } from '../db/client';
import type { ScimRequestLogRow } from '../db/schema';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export type LogResource = 'Users' | 'Groups';

export type RequestLogRow = Omit<ScimRequestLogRow, 'directoryId'>;

export async function requestLogPage(
  db: Tx,
  {
    directoryId,
    statusClass,
    resource,
    limit,
    before,
  }: { directoryId: string; statusClass?: StatusClass; resource?: LogResource; limit: number; before?: { createdAt: Date; id: string } | null },
): Promise<{ rows: RequestLogRow[]; next: { createdAt: Date; id: string } | null }> {
  const lo = statusClass ? Number(statusClass[0]) * 100 : null;
  const rows = await db.scimRequestLog.findMany({
    where: {
      directoryId,
      ...(lo !== null ? { status: { gte: lo, lt: lo + 100 } } : {}),
      ...(resource ? { resource } : {}),
      ...(before
        ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out, next: more && last ? { createdAt: last.createdAt, id: last.id } : null };
}
