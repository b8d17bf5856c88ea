// RFC 7644 §3.4.2.3 sortBy/sortOrder → Prisma orderBy. Always ends with `id` so that equal sort keys still
// come back in one order, which stateless startIndex paging depends on (§3.4.2.4).
import type { Prisma } from '../../generated/sqlite/client';
import { badRequest } from '../errors';
import { ENTERPRISE_USER_URN, GROUP_URN, USER_URN } from '../types';
import { buildIndex, pathKey, type Column, type ResourceAttrs } from './attributes';
import { parseAttrPath } from './parse';

type SortDirection = 'asc' | 'desc';
type OrderBy = Record<string, SortDirection | { sort: SortDirection; nulls: 'last' }>;

const col = (column: string, nullable: boolean): Column => ({ column, type: 'string', nullable, lower: false });

// Case-insensitive attributes sort by their lower-cased column: RFC 7644 sorts them case-insensitively.
// `emails` is multi-valued and sorts by its primary value (§3.4.2.3), kept in emailLower.
const USER_SORT = buildIndex(
  'User',
  USER_URN,
  {
    id: col('id', false),
    externalId: col('externalId', true),
    userName: col('userNameLower', false),
    displayName: col('displayNameLower', true),
    'name.givenName': col('givenNameLower', true),
    'name.familyName': col('familyNameLower', true),
    emails: col('emailLower', true),
    'emails.value': col('emailLower', true),
    active: col('active', false),
    'meta.created': col('createdAt', false),
    'meta.lastModified': col('updatedAt', false),
  },
  { [ENTERPRISE_USER_URN]: { employeeNumber: col('employeeNumber', true) } },
);

const GROUP_SORT = buildIndex(
  'Group',
  GROUP_URN,
  {
    id: col('id', false),
    externalId: col('externalId', true),
    displayName: col('displayNameLower', false),
    'meta.created': col('createdAt', false),
    'meta.lastModified': col('updatedAt', false),
  },
  {},
);

export function userOrderBy(sortBy: string | null, sortOrder: string | null): Prisma.DirectoryUserOrderByWithRelationInput[] {
  return orderBy(USER_SORT, sortBy, sortOrder) as Prisma.DirectoryUserOrderByWithRelationInput[];
}

export function groupOrderBy(sortBy: string | null, sortOrder: string | null): Prisma.DirectoryGroupOrderByWithRelationInput[] {
  return orderBy(GROUP_SORT, sortBy, sortOrder) as Prisma.DirectoryGroupOrderByWithRelationInput[];
}

function orderBy(attrs: ResourceAttrs, sortBy: string | null, sortOrder: string | null): OrderBy[] {
  const dir = direction(sortOrder);
  // sortOrder only qualifies sortBy (§3.4.2.3); alone it is checked but changes nothing.
  if (sortBy === null || sortBy.trim() === '') return [{ createdAt: 'asc' }, { id: 'asc' }];
  const attr = attrs.index.get(pathKey(parseAttrPath(sortBy, 'invalidValue')));
  if (!attr || !('column' in attr)) {
    throw badRequest('invalidValue', `cannot sort by "${sortBy}"; sortable: ${attrs.names.join(', ')}`);
  }
  if (attr.column === 'id') return [{ id: dir }];
  // SQLite puts NULLs first and PostgreSQL last; pin them last so both databases page the same way.
  const first: OrderBy = { [attr.column]: attr.nullable ? { sort: dir, nulls: 'last' } : dir };
  return [first, { id: 'asc' }];
}

/** RFC 7644 §3.4.2.3: "ascending" (the default) or "descending"; any case, since IdPs vary. */
function direction(sortOrder: string | null): SortDirection {
  if (sortOrder === null || sortOrder.trim() === '') return 'asc';
  const lower = sortOrder.trim().toLowerCase();
  if (lower === 'ascending') return 'asc';
  if (lower === 'descending') return 'desc';
  throw badRequest('invalidValue', `sortOrder must be "ascending" or "descending", not ${JSON.stringify(sortOrder)}`);
}
