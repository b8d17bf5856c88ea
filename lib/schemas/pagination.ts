import { z } from 'zod';
import { isSafeText } from '../safe-text';

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

/** A row's place in (createdAt, id) order: what a keyset page's cursor holds. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

/**
 * The one codec of keyset cursors (host API, portal, dashboard): base64url of `{c: ISO time, i: id}`, opaque to
 * clients, who hold them between requests, so the format stays. Null for the last page.
 */
export function pageCursor(next: Keyset | null): string | null {
  return next ? Buffer.from(JSON.stringify({ c: next.createdAt.toISOString(), i: next.id })).toString('base64url') : null;
}

/** The keyset a cursor names, or null for none or one that is not ours. */
export function readCursor(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const { c, i } = v as Record<string, unknown>;
    if (typeof c !== 'string' || typeof i !== 'string' || !isSafeText(c) || !isSafeText(i)) return null;
    // A creation time: it must be a real date the databases can hold.
    const createdAt = new Date(c);
    const t = createdAt.getTime();
    return Number.isNaN(t) || t < 0 || t > Date.UTC(9999, 11, 31) ? null : { createdAt, id: i };
  } catch {
    return null;
  }
}

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}
