import { z } from 'zod';

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

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
    return fields.every((f) => typeof rec[f] === 'string') ? (rec as Record<string, string>) : null;
  } catch {
    return null;
  }
}

export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams);
}
