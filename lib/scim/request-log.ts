// Every SCIM request an IdP makes is logged (for the portal's connection status and request log), and each
// token's last use and each directory's last request are recorded. Rows are buffered and written in one
// transaction every FLUSH_MS, so a read request costs no write of its own.
import { getDb, type Db } from '../db/client';
import type { Prisma } from '../generated/sqlite/client';
import { newId } from '../ids';
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

let buffer: RequestLogEntry[] = [];
let timer: NodeJS.Timeout | null = null;
let flushing: Promise<void> = Promise.resolve();

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
  buffer.push(entry);
  if (buffer.length >= MAX_BUFFER) void flushRequestLog();
  else if (!timer) timer = setTimeout(() => void flushRequestLog(), FLUSH_MS);
}

export function flushRequestLog(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = buffer;
  buffer = [];
  if (batch.length === 0) return flushing;
  flushing = flushing.then(() => write(batch)).catch((e: Error) => {
    console.error(`request log: could not write ${batch.length} entries: ${e.message}`);
  });
  return flushing;
}

/** After a failed batch, each row on its own, so one bad row can't lose the others. */
async function insertOneByOne(db: Db, rows: Prisma.ScimRequestLogCreateManyInput[]): Promise<void> {
  for (const row of rows) {
    await db.$transaction((tx) => tx.scimRequestLog.create({ data: row })).catch((e: Error) => console.error(`request log: dropped one entry: ${e.message.split('\n')[0]}`));
  }
}

async function write(batch: RequestLogEntry[]): Promise<void> {
  const db = await getDb();
  const now = new Date();
  const tokenIds = [...new Set(batch.map((e) => e.tokenId).filter((t): t is string => t !== null))];
  const directoryIds = [...new Set(batch.filter((e) => e.tokenId !== null).map((e) => e.directoryId))];
  const known = new Set(
    (await db.directory.findMany({ where: { id: { in: [...new Set(batch.map((e) => e.directoryId))] } }, select: { id: true } })).map(
      (d) => d.id,
    ),
  );
  const rows = batch
    .filter((e) => known.has(e.directoryId))
    .map((e) => ({
      id: newId('req'),
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
  if (rows.length) {
    await db.$transaction((tx) => tx.scimRequestLog.createMany({ data: rows })).catch(() => insertOneByOne(db, rows));
  }
  await db.$transaction(async (tx) => {
    if (tokenIds.length) await tx.directoryToken.updateMany({ where: { id: { in: tokenIds } }, data: { lastUsedAt: now } });
    if (directoryIds.length) {
      await tx.directory.updateMany({ where: { id: { in: directoryIds } }, data: { lastRequestAt: now } });
    }
  });
}
