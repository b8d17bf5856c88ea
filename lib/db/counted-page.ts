// A SCIM list page and its totalResults (RFC 7644 §3.4.2.4) without counting every match when the page shows them all.
import { rowsOf, together, type SqlOp, type SqlProgram, type SqlRow } from './sql-program';

/**
 * The page's rows and how many rows match in all. A filtered page that is not full holds every match from `offset`
 * on, so its total is known without a COUNT: Okta's and Entra's match queries (`externalId eq`, `emails.value eq`,
 * `displayName eq`) find one resource or none. A plain list is almost always full, so its count goes out with the page.
 */
export function* countedPage(
  page: SqlOp,
  count: SqlOp,
  { filtered, offset, limit }: { filtered: boolean; offset: number; limit: number },
): SqlProgram<{ total: number; rows: SqlRow[] }> {
  const n = (counted: SqlRow[]) => Number(counted[0]?.n ?? 0);
  if (!filtered) {
    const [counted, rows] = yield* together([count, page]);
    return { total: n(counted), rows };
  }
  const rows = yield* rowsOf(page);
  // Past the last match (an empty page beyond offset 0), or a full page: only a count tells.
  if (rows.length === limit || (rows.length === 0 && offset > 0)) return { total: n(yield* rowsOf(count)), rows };
  return { total: offset + rows.length, rows };
}
