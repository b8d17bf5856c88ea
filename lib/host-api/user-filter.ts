// ?filter= on the host API's user list: the SCIM filter (RFC 7644 §3.4.2.2) through the one compiler and the
// host's Users allow-list (its own fields included) and the mapped values (`customAttributes.costCenter eq "X"`);
// a filter SCIM would refuse is 400 invalid_filter here. One no index bounds is read as a scan (lib/db/scan-gate.ts).
import { loadHostUserExtension } from '../attributes/host-attrs';
import { mappedUserAttrs } from '../attributes/mapped-attrs';
import { read, scan, type Reader } from '../db/database';
import type { Dialect } from '../db/dialect';
import type { SqlCondition } from '../db/sql-program';
import { ScimError } from '../scim/errors';
import { indexBound } from '../scim/filter/index-backed';
import { parsedFilter } from '../scim/filter/parsed-filter';
import { filterToSql } from '../scim/filter/to-sql';
import { ApiError } from './api-error';

const refused = (e: unknown) => (e instanceof ScimError && e.status === 400 ? new ApiError('invalid_filter', 400, e.detail) : e);

export interface UserFilter {
  /** The condition for the database a read runs on; null for no filter. */
  where: (dialect: Dialect) => SqlCondition | null;
  /**
   * `read` when no filter or an index bounds it (lib/scim/filter/index-backed.ts), else `scan`; among a group's
   * members, only a filter naming one user is read (one value many users share is probed for membership user by user).
   */
  reader: Reader;
}

export async function userFilter(hostId: string, directoryId: string, filter: string | undefined, withinGroup = false): Promise<UserFilter> {
  if (filter === undefined || filter.trim() === '') return { where: () => null, reader: read };
  let node;
  try {
    node = parsedFilter(filter);
  } catch (e) {
    throw refused(e);
  }
  const attrs = mappedUserAttrs(await loadHostUserExtension(hostId));
  const bound = indexBound(node, attrs);
  return {
    reader: bound === 'unique' || (bound && !withinGroup) ? read : scan,
    where: (dialect) => {
      try {
        return filterToSql(node, { attrs, alias: 'u', directoryId, dialect });
      } catch (e) {
        throw refused(e);
      }
    },
  };
}
