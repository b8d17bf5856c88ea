// Every SCIM request an IdP makes is logged (for the portal's connection status and request log), and each
// token's last use and each directory's last request are recorded. Rows are buffered and written every FLUSH_MS,
// so a read request costs no write of its own.
import { writeAll } from '../db/database';
import { insertSelectOps } from '../db/rows';
import { touchDirectoriesOps } from '../directory/directories';
import { touchTokensOps } from '../directory/tokens';
import { newLogId } from '../ids';
import { isSafeText, toSafeText } from '../safe-text';

const FLUSH_MS = 250;
const MAX_BUFFER = 500;
const MAX_BODY = 16_384;

export interface RequestLogEntry {
  directoryId: string;
  tokenId: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  resource: string | null;
  requestBody: string | null;
  error: string | null;
  at: Date;
}

const state: { buffer: RequestLogEntry[]; timer: NodeJS.Timeout | null; flushing: Promise<void> } = {
  buffer: [],
  timer: null,
  flushing: Promise.resolve(),
};

/** Secrets never reach the log: password values are replaced wherever they appear in a body. */
export function redactBody(body: string | null): string | null {
  if (body === null || body === '') return null;
  let text: string;
  try {
    text = JSON.stringify(JSON.parse(body), (k, v: unknown) => (/^password$/i.test(k) ? '[redacted]' : v));
  } catch {
    text = body.replace(/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"');
  }
  const cut = text.length > MAX_BODY ? `${text.slice(0, MAX_BODY).replace(/\\u[0-9a-fA-F]{0,3}$/, '')}…[truncated]` : text;
  // NULs and surrogates, raw or as JSON escapes, are what the databases refuse; the log shows U+FFFD instead.
  return toSafeText(cut).replace(/\\u(0000|d[89a-f][0-9a-f]{2})/gi, '\\ufffd');
}

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

async function write(batch: RequestLogEntry[]): Promise<void> {
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
  }));
  // Rows of directories that still exist (a directory deleted meanwhile takes its log with it).
  await writeAll(({ dialect }) => [
    ...insertSelectOps(dialect, 'ScimRequestLog', rows, `EXISTS (SELECT 1 FROM "Directory" d WHERE d."id" = v."directoryId")`),
    ...touchTokensOps(dialect, tokenIds, now),
    ...touchDirectoriesOps(dialect, directoryIds, now),
  ]);
}
