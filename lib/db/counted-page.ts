// A SCIM list page and its totalResults (RFC 7644 §3.4.2.4) without sorting or counting more than the answer needs.
import { rowsOf, together, type SqlOp, type SqlProgram, type SqlRow } from './sql-program';

/** How a page is read: `few` is the filter's matches in any order, at most two (null: no filter, or no index bounds it). */
export interface PageOps {
  page: SqlOp;
  count: SqlOp;
  few: SqlOp | null;
  offset: number;
  limit: number;
  /** Known without a count (an unfiltered list's held total). */
  total?: number | null;
}

/**
 * The page's rows and how many rows match in all. Okta's and Entra's match queries (`externalId eq`,
 * `emails.value eq`, `displayName eq`) find one resource or none: an index answers "at most one" with no sort, and
 * that is the whole answer; two or more answer null (the caller sorts and counts them as a scan: however many share
 * the value). A filtered page that is not full holds every match from `offset` on, so its total is known without a
 * COUNT; a plain list is almost always full, so its count goes out with the page.
 */
export function* countedPage(
  { page, count, few, offset, limit, total = null }: PageOps,
  filtered: boolean,
): SqlProgram<{ total: number; rows: SqlRow[] } | null> {
  const n = (counted: SqlRow[]) => Number(counted[0]?.n ?? 0);
  if (!filtered && total !== null) return { total, rows: yield* rowsOf(page) };
  if (!filtered) {
    const [counted, rows] = yield* together([count, page]);
    return { total: n(counted), rows };
  }
  if (few) {
    const found = yield* rowsOf(few);
    return found.length < 2 ? { total: found.length, rows: found.slice(offset, offset + limit) } : null;
  }
  const rows = yield* rowsOf(page);
  // Past the last match (an empty page beyond offset 0), or a full page: only a count tells.
  if (rows.length === limit || (rows.length === 0 && offset > 0)) return { total: n(yield* rowsOf(count)), rows };
  return { total: offset + rows.length, rows };
}
