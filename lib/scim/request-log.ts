// Every authenticated SCIM request is logged (for the portal's connection status and request log), and each token's
// last use and each directory's last request are recorded. Requests without a valid token for the directory are only
// counted on it (anyone who knows a directory id can send them). Both are buffered and written every FLUSH_MS, so a
// request costs no write of its own.
import { writeAll } from '../db/database';
import { insertSelectOps } from '../db/rows';
import { countUnauthenticatedOps, touchDirectoriesOps, type UnauthenticatedCount } from '../directory/directories';
import { touchTokensOps } from '../directory/tokens';
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
  /** What the write did or why it was refused, in plain words (ScimResponse.decision). */
  decision?: string | null;
  at: Date;
}

interface Counted {
  count: number;
  last: Date;
  /** Of `count`, those after the last accepted request of this batch; all of them while none was accepted. */
  afterAccepted: number;
  accepted: boolean;
}

const state: {
  buffer: RequestLogEntry[];
  /** Unauthenticated requests per directory id since the last flush, and the time of the last one. */
  unauthenticated: Map<string, Counted>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
} = { buffer: [], unauthenticated: new Map(), timer: null, flushing: Promise.resolve() };

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
  state.flushing = state.flushing
    .then(() => write(batch, counted))
    .catch((e: Error) => {
      console.error(`request log: could not write ${batch.length} entries and ${counted.size} counts: ${e.message}`);
    });
  return state.flushing;
}

async function write(batch: RequestLogEntry[], counted: Map<string, Counted>): Promise<void> {
  const now = new Date();
  const tokenIds = [...new Set(batch.map((e) => e.tokenId).filter((t): t is string => t !== null))];
  const directoryIds = [...new Set(batch.filter((e) => e.tokenId !== null).map((e) => e.directoryId))];
  const rows = batch.map((e) => ({
    id: newLogId('req'),
    directoryId: e.directoryId,
    method: toSafeText(e.method),
    path: toSafeText(e.path),
    status: e.status,
    durationMs: e.durationMs,
    resource: e.resource === null ? null : toSafeText(e.resource),
    requestBody: e.requestBody,
    error: e.error === null ? null : toSafeText(e.error),
    createdAt: e.at,
    responseBody: e.responseBody,
    userId: e.person?.userId ?? null,
    userNameLower: e.person?.userNameLower ?? null,
    emailLower: e.person?.emailLower ?? null,
    externalId: e.person?.externalId ?? null,
    decision: e.decision ?? null,
  }));
  // Those that came before an accepted request of the same batch join authFailuresSeen: not "since the IdP got in".
  const counts: UnauthenticatedCount[] = [...counted].map(([id, c]) => ({
    id,
    count: c.count,
    last: c.last,
    seen: c.accepted ? c.count - c.afterAccepted : 0,
  }));
  // Rows of directories that still exist (a directory deleted meanwhile takes its log with it). The directories'
  // last request goes before their counts, as the counts added after it are the failures since (lib/health).
  await writeAll(({ dialect }) => [
    ...insertSelectOps(dialect, 'ScimRequestLog', rows, `EXISTS (SELECT 1 FROM "Directory" d WHERE d."id" = v."directoryId")`),
    ...touchTokensOps(dialect, tokenIds, now),
    ...touchDirectoriesOps(dialect, directoryIds, now),
    ...countUnauthenticatedOps(dialect, counts),
  ]);
}
