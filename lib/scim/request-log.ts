// Every SCIM request an IdP makes is logged (for the portal's connection status and request log), and each
// token's last use and each directory's last request are recorded. Rows are buffered and written every FLUSH_MS,
// so a read request costs no write of its own; on SQLite a worker thread writes them (sql-drivers.ts).
import type { Dialect } from '../db/client';
import { writeUnanswered } from '../db/sql-drivers';
import { marks, runOp, type SqlOp } from '../db/sql-program';
import { newLogId } from '../ids';
import { isSafeText, toSafeText } from '../safe-text';

const FLUSH_MS = 250;
const MAX_BUFFER = 500;

export interface RequestLogEntry {
  directoryId: string;
  tokenId: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  resource: string | null;
  /** As redact.ts leaves it: no writeOnly value, at most MAX_LOGGED_BODY characters. */
  requestBody: string | null;
  error: string | null;
  at: Date;
}

// Process-wide: the custom server's SCIM fast path and Next's bundle each load this module, and one flush on
// shutdown (from either) must write both's entries.
interface LogState {
  buffer: RequestLogEntry[];
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
}
const g = globalThis as unknown as { __scimPortalRequestLog?: LogState };
const state: LogState = (g.__scimPortalRequestLog ??= { buffer: [], timer: null, flushing: Promise.resolve() });

export function logScimRequest(entry: RequestLogEntry): void {
  // A directory id that can't be stored names no directory: nothing to log it under.
  if (!isSafeText(entry.directoryId)) return;
  state.buffer.push(entry);
  if (state.buffer.length >= MAX_BUFFER) void flushRequestLog();
  else if (!state.timer) state.timer = setTimeout(() => void flushRequestLog(), FLUSH_MS);
}

export function flushRequestLog(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = state.buffer;
  state.buffer = [];
  if (batch.length === 0) return state.flushing;
  state.flushing = state.flushing.then(() => write(batch)).catch((e: Error) => {
    console.error(`request log: could not write ${batch.length} entries: ${e.message}`);
  });
  return state.flushing;
}

type LogRow = (string | number | Date | null)[];

const COLUMNS = '"id", "directoryId", "method", "path", "status", "durationMs", "resource", "requestBody", "error", "createdAt"';

/**
 * PostgreSQL: every row in one statement, each column an array (one prepared statement whatever the count, and a
 * fraction of the parameters to serialise and parse: ~5 µs of client CPU a row against ~13 for a VALUES list).
 */
const INSERT_UNNEST = `INSERT INTO "ScimRequestLog" (${COLUMNS}) SELECT v.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
  ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamp(3)[]) AS v("id", "directoryId", "method", "path", "status", "durationMs",
  "resource", "requestBody", "error", "createdAt") WHERE EXISTS (SELECT 1 FROM "Directory" d WHERE d."id" = v."directoryId")`;

/** Rows of directories that still exist (a directory deleted meanwhile takes its log with it). */
function insertRows(dialect: Dialect, rows: LogRow[]): SqlOp[] {
  if (dialect === 'postgres') return [runOp(INSERT_UNNEST, COLUMNS.split(', ').map((_, c) => rows.map((r) => r[c])))];
  // SQLite: 50 rows to a VALUES list (its limit on parameters is 999).
  const ops: SqlOp[] = [];
  for (let i = 0; i < rows.length; i += 50) {
    const part = rows.slice(i, i + 50);
    ops.push(runOp(
      `INSERT INTO "ScimRequestLog" (${COLUMNS}) SELECT v.* FROM (VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}) AS v
       WHERE EXISTS (SELECT 1 FROM "Directory" d WHERE d."id" = v.column2)`,
      part.flat(),
    ));
  }
  return ops;
}

function touch(table: string, column: string, ids: string[], now: Date): SqlOp[] {
  return ids.length ? [runOp(`UPDATE "${table}" SET "${column}" = ? WHERE "id" IN (${marks(ids.length)})`, [now, ...ids])] : [];
}

async function write(batch: RequestLogEntry[]): Promise<void> {
  const now = new Date();
  const tokenIds = [...new Set(batch.map((e) => e.tokenId).filter((t): t is string => t !== null))];
  const directoryIds = [...new Set(batch.filter((e) => e.tokenId !== null).map((e) => e.directoryId))];
  const rows: LogRow[] = batch.map((e) => [
    newLogId('req'),
    e.directoryId,
    toSafeText(e.method),
    toSafeText(e.path),
    e.status,
    e.durationMs,
    e.resource === null ? null : toSafeText(e.resource),
    e.requestBody,
    e.error === null ? null : toSafeText(e.error),
    e.at,
  ]);
  // Off the event loop on SQLite (the background worker), one program on PostgreSQL: sql-drivers.ts.
  await writeUnanswered((dialect) => [
    ...insertRows(dialect, rows),
    ...touch('DirectoryToken', 'lastUsedAt', tokenIds, now),
    ...touch('Directory', 'lastRequestAt', directoryIds, now),
  ]);
}
