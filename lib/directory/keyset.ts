// Keyset pages in (createdAt, id) order, for the portal's and host API's tables: page 500 costs what page 1 does.
import type { SqlValue } from '../db/sql-program';

export interface Keyset {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  rows: T[];
  /** The last row's key when there may be more. */
  next: Keyset | null;
}

/** The condition "after `key`" on the table aliased `alias`, its parameters appended to `params`. */
export function afterKey(alias: string, key: Keyset, params: SqlValue[]): string {
  params.push(key.createdAt, key.createdAt, key.id);
  return `(${alias}."createdAt" > ? OR (${alias}."createdAt" = ? AND ${alias}."id" > ?))`;
}

/** A page from `limit + 1` rows read: the extra one only says there is more. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): Page<T> {
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out, next: more && last ? { createdAt: keyOf(last).createdAt, id: keyOf(last).id } : null };
}
