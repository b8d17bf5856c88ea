// Every SCIM request an IdP makes is logged (for the portal's connection status and request log), and each
// token's last use and each directory's last request are recorded. Rows are buffered and written in one
// transaction every FLUSH_MS, so a read request costs no write of its own.
import { getDb } from '../db/client';
import { newId } from '../ids';

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
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…[truncated]` : text;
}

export function logScimRequest(entry: RequestLogEntry): void {
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
      method: e.method,
      path: e.path,
      status: e.status,
      durationMs: e.durationMs,
      resource: e.resource,
      requestBody: e.requestBody,
      error: e.error,
      createdAt: e.at,
    }));
  await db.$transaction(async (tx) => {
    if (rows.length) await tx.scimRequestLog.createMany({ data: rows });
    if (tokenIds.length) await tx.directoryToken.updateMany({ where: { id: { in: tokenIds } }, data: { lastUsedAt: now } });
    if (directoryIds.length) {
      await tx.directory.updateMany({ where: { id: { in: directoryIds } }, data: { lastRequestAt: now } });
    }
  });
}
