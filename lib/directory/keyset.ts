// Keyset pages in (createdAt, id) order, for the portal's, host API's and dashboard's tables: page 500 costs what
// page 1 does. Their cursors: lib/schemas/pagination.ts.
import type { SqlCondition, SqlValue } from '../db/sql-program';
import type { Keyset } from '../schemas/pagination';

export type { Keyset };

/** A SCIM list page of one resource in a directory (lib/scim/list-query.ts builds it from the request). */
export interface ListPageArgs {
  directoryId: string;
  where: SqlCondition | null;
  orderBy: string;
  offset: number;
  limit: number;
  /**
   * An `eq` an index answers: at most two matches are read first, unsorted (db/counted-page.ts), and a list with more
   * answers null, to be read again as a scan.
   */
  fewMatches?: boolean;
  /** The page starts after this key, at no offset (an unfiltered walk: lib/scim/list-walk.ts). */
  after?: Keyset | null;
  /** Known without a count. */
  total?: number | null;
}

export interface Page<T> {
  rows: T[];
  /** The last row's key when there may be more. */
  next: Keyset | null;
}

// A row value, which both databases read as a range of a (…, createdAt, id) index: the spelled-out OR is a filter
// on PostgreSQL (a page from the middle of 100,000 users read the 50,000 before it) and SQLite.
function keyCondition(alias: string, key: Keyset, params: SqlValue[], op: '>' | '<'): string {
  params.push(key.createdAt, key.id);
  return `(${alias}."createdAt", ${alias}."id") ${op} (?, ?)`;
}

/** The condition "after `key`" on the table aliased `alias`, its parameters appended to `params`. */
export const afterKey = (alias: string, key: Keyset, params: SqlValue[]): string => keyCondition(alias, key, params, '>');

/** "Before `key`": the next page of a table read newest first. */
export const beforeKey = (alias: string, key: Keyset, params: SqlValue[]): string => keyCondition(alias, key, params, '<');

/** A page from `limit + 1` rows read: the extra one only says there is more. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): Page<T> {
  const more = rows.length > limit;
  const out = more ? rows.slice(0, limit) : rows;
  const last = out[out.length - 1];
  return { rows: out, next: more && last ? { createdAt: keyOf(last).createdAt, id: keyOf(last).id } : null };
}
