// Every authenticated SCIM request is logged (for the portal's connection status and request log), and each token's
// last use and each directory's last request are recorded. Requests without a valid token for the directory are only
// counted on it (anyone who knows a directory id can send them). Both are buffered and written every FLUSH_MS, so a
// request costs no write of its own; on SQLite a worker thread writes them (sql-drivers.ts).
import type { Dialect } from '../db/client';
import { writeUnanswered } from '../db/sql-drivers';
import { marks, runOp, type SqlOp } from '../db/sql-program';
import { newLogId } from '../ids';
import { isSafeText, toSafeText } from '../safe-text';
import type { LoggedPerson } from './request-person';

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
  /** The answer's body, redacted and cut the same way (MAX_LOGGED_RESPONSE characters). */
  responseBody: string | null;
  /** Who the request concerns (request-person.ts), for the log's search by person. */
  person: LoggedPerson | null;
  error: string | null;
  at: Date;
}

interface Counted {
  count: number;
  last: Date;
  /** Of `count`, those after the last accepted request of this batch; all of them while none was accepted. */
  afterAccepted: number;
  accepted: boolean;
}

// Process-wide: the custom server's SCIM fast path and Next's bundle each load this module, and one flush on
// shutdown (from either) must write both's entries.
interface LogState {
  buffer: RequestLogEntry[];
  /** Unauthenticated requests per directory id since the last flush, and the time of the last one. */
  unauthenticated: Map<string, Counted>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
}
const g = globalThis as unknown as { __scimPortalRequestLog?: LogState };
const state: LogState = (g.__scimPortalRequestLog ??= { buffer: [], unauthenticated: new Map(), timer: null, flushing: Promise.resolve() });

/** Directory ids as lib/ids.ts makes them: anything else in the URL names no directory. */
const DIRECTORY_ID = /^dir_[A-Za-z0-9]{20}$/;
/** Directories counted between two flushes: ids sprayed by a client cannot grow the map past this. */
const MAX_COUNTED = 1000;

function schedule(): void {
  if (!state.timer) state.timer = setTimeout(() => void flushRequestLog(), FLUSH_MS);
}

export function logScimRequest(entry: RequestLogEntry): void {
  // A directory id that can't be stored names no directory: nothing to log it under.
  if (!isSafeText(entry.directoryId)) return;
  state.buffer.push(entry);
  const counted = state.unauthenticated.get(entry.directoryId);
  if (counted) {
    counted.accepted = true;
    counted.afterAccepted = 0;
  }
  if (state.buffer.length >= MAX_BUFFER) void flushRequestLog();
  else schedule();
}

/** Counts a request to `directoryId` that had no valid token for it (written with the next flush, not logged). */
export function countUnauthenticated(directoryId: string, at: Date): void {
  if (!DIRECTORY_ID.test(directoryId)) return;
  const seen = state.unauthenticated.get(directoryId);
  if (seen) {
    seen.count++;
    seen.afterAccepted++;
    seen.last = at;
  } else if (state.unauthenticated.size < MAX_COUNTED) {
    state.unauthenticated.set(directoryId, { count: 1, last: at, afterAccepted: 1, accepted: false });
  }
  schedule();
}

export function flushRequestLog(): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const batch = state.buffer;
  const counted = state.unauthenticated;
  state.buffer = [];
  state.unauthenticated = new Map();
  if (batch.length === 0 && counted.size === 0) return state.flushing;
  state.flushing = state.flushing.then(() => write(batch, counted)).catch((e: Error) => {
    console.error(`request log: could not write ${batch.length} entries and ${counted.size} counts: ${e.message}`);
  });
  return state.flushing;
}

type LogRow = (string | number | Date | null)[];

const COLUMNS =
  '"id", "directoryId", "method", "path", "status", "durationMs", "resource", "requestBody", "error", "createdAt", "responseBody", "userId", "userNameLower", "emailLower", "externalId"';

/**
 * PostgreSQL: every row in one statement, each column an array (one prepared statement whatever the count, and a
 * fraction of the parameters to serialise and parse: ~5 µs of client CPU a row against ~13 for a VALUES list).
 */
const INSERT_UNNEST = `INSERT INTO "ScimRequestLog" (${COLUMNS}) SELECT v.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[],
  ?::int[], ?::text[], ?::text[], ?::text[], ?::timestamp(3)[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS v(${COLUMNS})
  WHERE EXISTS (SELECT 1 FROM "Directory" d WHERE d."id" = v."directoryId")`;

/** Rows of directories that still exist (a directory deleted meanwhile takes its log with it). */
function insertRows(dialect: Dialect, rows: LogRow[]): SqlOp[] {
  if (dialect === 'postgres') return [runOp(INSERT_UNNEST, COLUMNS.split(', ').map((_, c) => rows.map((r) => r[c])))];
  // SQLite: 50 rows to a VALUES list (its limit on parameters is 999).
  const ops: SqlOp[] = [];
  const row = `(${COLUMNS.split(', ').map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += 50) {
    const part = rows.slice(i, i + 50);
    ops.push(runOp(
      `INSERT INTO "ScimRequestLog" (${COLUMNS}) SELECT v.* FROM (VALUES ${part.map(() => row).join(', ')}) AS v
       WHERE EXISTS (SELECT 1 FROM "Directory" d WHERE d."id" = v.column2)`,
      part.flat(),
    ));
  }
  return ops;
}

function touch(table: string, column: string, ids: string[], now: Date): SqlOp[] {
  return ids.length ? [runOp(`UPDATE "${table}" SET "${column}" = ? WHERE "id" IN (${marks(ids.length)})`, [now, ...ids])] : [];
}

/**
 * Each directory's last request, and its count of unauthenticated requests as of then: the failures added after it
 * (countOps, in the same flush and later ones) are the ones since the IdP last got in (lib/health).
 */
function touchDirectories(ids: string[], now: Date): SqlOp[] {
  if (ids.length === 0) return [];
  return [runOp(`UPDATE "Directory" SET "lastRequestAt" = ?, "authFailuresSeen" = "unauthenticatedRequests" WHERE "id" IN (${marks(ids.length)})`, [now, ...ids])];
}

/**
 * Adds each directory's unauthenticated requests to its counter, in one statement (per 100 on SQLite). Those that
 * came before an accepted request of the same batch join authFailuresSeen: they are not "since the IdP got in".
 */
function countOps(dialect: Dialect, counted: Map<string, Counted>): SqlOp[] {
  const rows = [...counted].map(([id, c]) => [id, c.count, c.last, c.accepted ? c.count - c.afterAccepted : 0] as const);
  if (rows.length === 0) return [];
  const set = `"unauthenticatedRequests" = "Directory"."unauthenticatedRequests" + v.n, "lastUnauthenticatedAt" = v.at,
    "authFailuresSeen" = "Directory"."authFailuresSeen" + v.seen`;
  if (dialect === 'postgres') {
    return [runOp(
      `UPDATE "Directory" SET ${set} FROM unnest(?::text[], ?::int[], ?::timestamp(3)[], ?::int[]) AS v(id, n, at, seen) WHERE "Directory"."id" = v.id`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    )];
  }
  const ops: SqlOp[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    const part = rows.slice(i, i + 100);
    ops.push(runOp(
      `UPDATE "Directory" SET ${set} FROM (SELECT column1 AS id, column2 AS n, column3 AS at, column4 AS seen FROM (VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')})) AS v
       WHERE "Directory"."id" = v.id`,
      part.flat(),
    ));
  }
  return ops;
}

async function write(batch: RequestLogEntry[], counted: Map<string, Counted>): Promise<void> {
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
    e.responseBody,
    e.person?.userId ?? null,
    e.person?.userNameLower ?? null,
    e.person?.emailLower ?? null,
    e.person?.externalId ?? null,
  ]);
  // Off the event loop on SQLite (the background worker), one program on PostgreSQL: sql-drivers.ts.
  await writeUnanswered((dialect) => [
    ...insertRows(dialect, rows),
    ...touch('DirectoryToken', 'lastUsedAt', tokenIds, now),
    ...touchDirectories(directoryIds, now),
    ...countOps(dialect, counted),
  ]);
}
