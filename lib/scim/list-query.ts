// What a list request (RFC 7644 §3.4.2) asks the entities' list reads for, and the answer to a match query.
import { read, scan, type Reader } from '../db/database';
import type { Dialect } from '../db/dialect';
import type { SqlCondition } from '../db/sql-program';
import type { ResourceAttrs } from './filter/attributes';
import { indexBound } from './filter/index-backed';
import { orderBy } from './filter/order-by';
import { parsedFilter } from './filter/parsed-filter';
import { filterToSql } from './filter/to-sql';
import type { ListParams } from './list-params';
import { listResponse } from './serialize';
import type { ScimObject, ScimResponse } from './types';

export interface PageQuery {
  directoryId: string;
  where: SqlCondition | null;
  orderBy: string;
  offset: number;
  limit: number;
  /** An `eq` an index answers: it most often matches one row or none, read first without a sort (db/counted-page.ts). */
  fewMatches: boolean;
}

/**
 * The page a list request asks for, its filter and sort checked against the resource's allow-list now (400 when
 * they can't be answered), compiled for the database the read runs on; and how to read it: on the request's own
 * read path when an index bounds it (no filter and no sort, or an indexed `eq`: lib/scim/filter/index-backed.ts),
 * else as a scan (lib/db/scan-gate.ts), which stalls no other request.
 */
export function pageQuery(
  directoryId: string,
  params: ListParams,
  attrs: ResourceAttrs,
  alias: string,
  { unknownAsAbsent = false } = {},
): { page: (dialect: Dialect) => PageQuery; reader: Reader } {
  const filter = params.filter === null ? null : parsedFilter(params.filter);
  const order = orderBy(attrs, params.sortBy, params.sortOrder, alias);
  const bound = filter && indexBound(filter, attrs);
  // No filter: Okta's import pages (`startIndex`/`count`) walk the (directoryId, createdAt, id) index.
  const indexed = filter ? bound === 'unique' || (bound === 'indexed' && !params.sortBy) : !params.sortBy;
  return { reader: indexed ? read : scan, page: pageOf };
  function pageOf(dialect: Dialect): PageQuery {
    return {
      directoryId,
      where: filter && filterToSql(filter, { attrs, alias, directoryId, dialect, unknownAsAbsent }),
      orderBy: order(dialect),
      offset: params.startIndex - 1,
      limit: params.count,
      fewMatches: filter !== null && indexed,
    };
  }
}

/** A match query answered from one lookup (Okta's and Entra's before each write): a list of that resource, or none. */
export async function matchResponse<T>(found: T | null, params: ListParams, render: (row: T) => ScimObject | Promise<ScimObject>): Promise<ScimResponse> {
  const page = found !== null && params.startIndex === 1 && params.count > 0 ? [await render(found)] : [];
  return { status: 200, headers: {}, body: listResponse(page, found ? 1 : 0, params.startIndex) };
}
