import { z } from 'zod';
import { isSafeText } from '../safe-text';

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

/** Opaque keyset cursors: base64url of the last row's sort key. */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, fields: string[]): Record<string, string> | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const rec = v as Record<string, unknown>;
    if (!fields.every((f) => typeof rec[f] === 'string' && isSafeText(rec[f] as string))) return null;
    // `c` is a creation time: it must be a real date the databases can hold.
    if ('c' in rec) {
      const t = new Date(rec.c as string).getTime();
      if (Number.isNaN(t) || t < 0 || t > Date.UTC(9999, 11, 31)) return null;
    }
    return rec as Record<string, string>;
  } catch {
    return null;
  }
}

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}
