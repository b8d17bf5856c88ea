// RFC 7644 §3.4.2.3 sortBy/sortOrder → an ORDER BY over the columns behind the filter allow-list (./attributes).
// Always ends with `id` so that equal sort keys still come back in one order, which stateless startIndex paging
// depends on (§3.4.2.4).
import { badRequest } from '../errors';
import { pathKey, type ResourceAttrs } from './attributes';
import { parseAttrPath } from './parse';

export function orderBy(attrs: ResourceAttrs, sortBy: string | null, sortOrder: string | null, alias: string): string {
  const dir = direction(sortOrder);
  // sortOrder only qualifies sortBy (§3.4.2.3); alone it is checked but changes nothing.
  if (sortBy === null || sortBy.trim() === '') return `${alias}."createdAt", ${alias}."id"`;
  const key = pathKey(parseAttrPath(sortBy, 'invalidValue'));
  const b = attrs.sortable.get(key);
  if (!b || !('column' in b.source)) throw badRequest('invalidValue', `cannot sort by "${sortBy}"; sortable: ${attrs.sortNames.join(', ')}`);
  const column = `${alias}."${b.source.column}"`;
  if (b.source.column === 'id') return `${column} ${dir}`;
  // SQLite puts NULLs first and PostgreSQL last; pin them last so both databases page the same way.
  return `${column} ${dir}${b.nullable ? ' NULLS LAST' : ''}, ${alias}."id"`;
}

/** RFC 7644 §3.4.2.3: "ascending" (the default) or "descending"; any case, since IdPs vary. */
function direction(sortOrder: string | null): 'ASC' | 'DESC' {
  if (sortOrder === null || sortOrder.trim() === '') return 'ASC';
  const lower = sortOrder.trim().toLowerCase();
  if (lower === 'ascending') return 'ASC';
  if (lower === 'descending') return 'DESC';
  throw badRequest('invalidValue', `sortOrder must be "ascending" or "descending", not ${JSON.stringify(sortOrder)}`);
}
