// What a list request (RFC 7644 §3.4.2) asks the entities' list reads for, and the answer to a match query.
import { read, scan, type Reader } from '../db/database';
import type { Dialect } from '../db/dialect';
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import type { ResourceAttrs } from './filter/attributes';
import { indexBound } from './filter/index-backed';
import { orderBy } from './filter/order-by';
import { parsedFilter } from './filter/parsed-filter';
import { filterToSql } from './filter/to-sql';
import type { ListParams } from './list-params';
import { listResponse } from './serialize';
import type { ScimObject, ScimResponse } from './types';
import type { ListPageArgs } from '../directory/keyset';
import type { Keyset } from '../schemas/pagination';
import { COUNT_READ_MAX, OFFSET_READ_MAX, pageEnded, pageStart } from './list-walk';

/** A list page as the entities' list reads take it (lib/directory/keyset.ts), every part set. */
export type PageQuery = Required<ListPageArgs>;

/** An unfiltered list of one resource (list-walk.ts): its rows counted up to a bound, and a page's total and last key. */
export interface ListWalk<T> {
  walk: string;
  countUpTo: (bound: number) => SqlProgram<number>;
  totalOf: (out: T) => number;
  lastKey: (out: T) => Keyset | null;
}

/** A list read of one resource's page; null only when the page has `fewMatches` set and more than one row matches. */
export type ListProgram<T> = (env: SqlEnv, page: PageQuery) => SqlProgram<T | null>;

/** The answer of a list read of a page without `fewMatches`, which is never null. */
export function wholePage<T>(out: T | null): T {
  if (out === null) throw new Error('a list read without fewMatches answered null');
  return out;
}

/**
 * The page a list request asks for, its filter and sort checked against the resource's allow-list now (400 when
 * they can't be answered), compiled for the database the read runs on; and `list`, which reads it where it stalls no
 * one: on the request's own read path when an index bounds it (no filter and no sort, or an `eq` on an indexed
 * attribute that matches one row or none: lib/scim/filter/index-backed.ts), else as a scan (lib/db/scan-gate.ts).
 * An indexed value many rows share (an email on 100,000 users) is sorted and counted as a scan too.
 */
export function pageQuery(
  directoryId: string,
  params: ListParams,
  attrs: ResourceAttrs,
  alias: string,
  { unknownAsAbsent = false } = {},
): { page: (dialect: Dialect) => PageQuery; list: <T>(program: ListProgram<T>, walk?: ListWalk<T>) => Promise<T> } {
  const filter = params.filter === null ? null : parsedFilter(params.filter);
  const order = orderBy(attrs, params.sortBy, params.sortOrder, alias);
  const bound = filter && indexBound(filter, attrs);
  // No filter: Okta's import pages (`startIndex`/`count`) walk the (directoryId, createdAt, id) index.
  const indexed = filter ? bound === 'unique' || (bound === 'indexed' && !params.sortBy) : !params.sortBy;
  const pageOf = (dialect: Dialect, fewMatches = false): PageQuery => ({
    directoryId,
    where: filter && filterToSql(filter, { attrs, alias, directoryId, dialect, unknownAsAbsent }),
    orderBy: order(dialect),
    offset: params.startIndex - 1,
    limit: params.count,
    fewMatches,
    after: null,
    total: null,
  });
  const whole = <T>(reader: Reader, program: ListProgram<T>, known: Partial<PageQuery> = {}) =>
    reader(function* (env) {
      return wholePage(yield* program(env, { ...pageOf(env.dialect), ...known }));
    });
  async function list<T>(program: ListProgram<T>, walk?: ListWalk<T>): Promise<T> {
    if (!indexed) return whole(scan, program);
    if (filter === null && walk) return walked(program, walk);
    if (filter === null) return whole(read, program);
    return (await read((env) => program(env, pageOf(env.dialect, true)))) ?? whole(scan, program);
  }
  /** An unfiltered page: after the page before it when that was read, else from its offset; costly parts as scans. */
  async function walked<T>(program: ListProgram<T>, walk: ListWalk<T>): Promise<T> {
    const offset = params.startIndex - 1;
    const start = offset > 0 ? pageStart(walk.walk, offset) : null;
    let out: T;
    if (start) out = await whole(read, program, { after: start.key, offset: 0, total: start.total });
    else {
      const upTo = await read(() => walk.countUpTo(COUNT_READ_MAX + 1));
      const total = upTo > COUNT_READ_MAX ? walk.totalOf(await whole(scan, program, { limit: 0 })) : upTo;
      out = await whole(offset > OFFSET_READ_MAX ? scan : read, program, { total });
    }
    const last = walk.lastKey(out);
    if (last) pageEnded(walk.walk, offset + params.count, { key: last, total: walk.totalOf(out) });
    return out;
  }
  return { page: pageOf, list };
}

/** A match query answered from one lookup (Okta's and Entra's before each write): a list of that resource, or none. */
export async function matchResponse<T>(found: T | null, params: ListParams, render: (row: T) => ScimObject | Promise<ScimObject>): Promise<ScimResponse> {
  const page = found !== null && params.startIndex === 1 && params.count > 0 ? [await render(found)] : [];
  return { status: 200, headers: {}, body: listResponse(page, found ? 1 : 0, params.startIndex) };
}
