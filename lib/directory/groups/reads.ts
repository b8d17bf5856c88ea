// Reads of directory groups, as SQL programs (run alone with read(), or inside a write with yield*). One row shape:
// DirectoryGroupRow; members are rows of GroupMembership (../memberships.ts).
import { countedPage } from '../../db/counted-page';
import { columns, decode } from '../../db/rows';
import type { DirectoryGroupRow } from '../../db/schema';
import { all, allOp, one, rowsOf, type SqlEnv, type SqlProgram, type SqlRow, type SqlValue } from '../../db/sql-program';
import { ROLE_CONFIG_COLUMNS, roleConfigOf, roleKeysOfGroups, type RoleConfig } from '../../roles/recompute-roles';
import { afterKey, pageOf, type Keyset, type ListPageArgs, type Page } from '../keyset';

export type { DirectoryGroupRow } from '../../db/schema';

export const GROUP_COLUMNS_OF_G = columns('DirectoryGroup', 'g');
export const groupOf = (r: SqlRow): DirectoryGroupRow => decode('DirectoryGroup', r);

/** A group with its directory's role configuration, as a membership change needs them. */
export interface GroupWithRoles {
  row: DirectoryGroupRow;
  roles: RoleConfig;
}

/** The group, locked against other writers until the transaction ends when `lock` is set. */
export function* findGroup(
  env: SqlEnv,
  { directoryId, id, lock = false }: { directoryId: string; id: string; lock?: boolean },
): SqlProgram<DirectoryGroupRow | null> {
  const r = yield* one(`SELECT ${GROUP_COLUMNS_OF_G} FROM "DirectoryGroup" g WHERE g."id" = ? AND g."directoryId" = ?${lock ? env.dialect.forUpdate : ''}`, [
    id,
    directoryId,
  ]);
  return r ? groupOf(r) : null;
}

/** How SCIM looks one group up: by id, or by displayName (the unique (directoryId, displayNameLower) index). */
export type GroupLookup = { id: string } | { displayName: string };

/** The lookup's condition on the group aliased `g` and its one parameter. */
export const groupLookupSql = (by: GroupLookup): [string, string] => ('id' in by ? ['g."id"', by.id] : ['g."displayNameLower"', by.displayName.toLowerCase()]);

export function* findGroupBy({ directoryId, by }: { directoryId: string; by: GroupLookup }): SqlProgram<DirectoryGroupRow | null> {
  const [column, key] = groupLookupSql(by);
  const r = yield* one(`SELECT ${GROUP_COLUMNS_OF_G} FROM "DirectoryGroup" g WHERE ${column} = ? AND g."directoryId" = ?`, [key, directoryId]);
  return r ? groupOf(r) : null;
}

/** The group and its directory's role configuration in one statement: a membership PATCH needs both. */
export function* findGroupWithRoleConfig({ directoryId, id }: { directoryId: string; id: string }): SqlProgram<GroupWithRoles | null> {
  const r = yield* one(
    `SELECT ${GROUP_COLUMNS_OF_G}, ${ROLE_CONFIG_COLUMNS} FROM "DirectoryGroup" g JOIN "Directory" d ON d."id" = g."directoryId"
     WHERE g."id" = ? AND g."directoryId" = ?`,
    [id, directoryId],
  );
  return r ? { row: groupOf(r), roles: roleConfigOf(r) } : null;
}

/** A SCIM list page: the groups matching `where` in `orderBy` order from `offset`, and how many match in all. */
export function* listGroups(
  _env: SqlEnv,
  { directoryId, where, orderBy, offset, limit, fewMatches = false, after = null, total = null }: ListPageArgs,
): SqlProgram<{ total: number; groups: DirectoryGroupRow[] } | null> {
  const cond = `g."directoryId" = ?${where ? ` AND ${where.sql}` : ''}`;
  const params = [directoryId, ...(where?.params ?? [])];
  const count = allOp(`SELECT COUNT(*) AS "n" FROM "DirectoryGroup" g WHERE ${cond}`, params);
  if (limit === 0) return { total: total ?? Number((yield* rowsOf(count))[0]?.n ?? 0), groups: [] };
  // The page's ids first, as for users (users/reads.ts), after the key of the page before when it was read.
  const pageParams = [...params];
  const from = after ? `${cond} AND ${afterKey('g', after, pageParams)}` : cond;
  const page = allOp(
    `SELECT ${GROUP_COLUMNS_OF_G} FROM (SELECT g."id" FROM "DirectoryGroup" g WHERE ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?) p
       JOIN "DirectoryGroup" g ON g."id" = p."id" ORDER BY ${orderBy}`,
    [...pageParams, limit, offset],
  );
  const few = fewMatches ? allOp(`SELECT ${GROUP_COLUMNS_OF_G} FROM "DirectoryGroup" g WHERE ${cond} LIMIT 2`, params) : null;
  const counted = yield* countedPage({ page, count, few, offset, limit, total }, where !== null);
  return counted && { total: counted.total, groups: counted.rows.map(groupOf) };
}

/**
 * The portal's and host API's pages of groups: keyset order, optionally those whose name contains `query`, and
 * only the selected ones (the host's view) when `selectedOnly`.
 */
export function* pageGroups(
  _env: SqlEnv,
  {
    directoryId,
    query,
    limit,
    after,
    selectedOnly = false,
  }: { directoryId: string; query?: string; limit: number; after?: Keyset | null; selectedOnly?: boolean },
): SqlProgram<Page<DirectoryGroupRow>> {
  const conds = ['g."directoryId" = ?'];
  const params: SqlValue[] = [directoryId];
  if (selectedOnly) conds.push('g."selected" = true');
  const q = query?.trim().toLowerCase();
  if (q) {
    conds.push(`g."displayNameLower" LIKE ? ESCAPE '\\'`);
    params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (after) conds.push(afterKey('g', after, params));
  const rows = yield* all(`SELECT ${GROUP_COLUMNS_OF_G} FROM "DirectoryGroup" g WHERE ${conds.join(' AND ')} ORDER BY g."createdAt", g."id" LIMIT ?`, [
    ...params,
    limit + 1,
  ]);
  return pageOf(rows.map(groupOf), limit, (g) => g);
}

/** Every group of a directory, a chunk at a time in id order (a directory's deletion). */
export function* groupsAfter(directoryId: string, after: string, limit: number): SqlProgram<DirectoryGroupRow[]> {
  return (yield* all(`SELECT ${GROUP_COLUMNS_OF_G} FROM "DirectoryGroup" g WHERE g."directoryId" = ? AND g."id" > ? ORDER BY g."id" LIMIT ?`, [
    directoryId,
    after,
    limit,
  ])).map(groupOf);
}

/** The groups of the directory among `ids`, by id. */
export function* groupsByIds(env: SqlEnv, directoryId: string, ids: string[]): SqlProgram<Map<string, DirectoryGroupRow>> {
  if (ids.length === 0) return new Map();
  const [inIds, param] = env.dialect.inList('g."id"', [...new Set(ids)]);
  const rows = yield* all(`SELECT ${GROUP_COLUMNS_OF_G} FROM "DirectoryGroup" g WHERE ${inIds} AND g."directoryId" = ?`, [param, directoryId]);
  return new Map(rows.map((r) => [String(r.id), groupOf(r)]));
}

/** A group with what the host API and the portal show besides its row (its memberCount is the row's). */
export interface GroupView {
  row: DirectoryGroupRow;
  roles: string[];
}

/** The groups' mapped role keys: one statement for a whole page. */
export function* groupViews(env: SqlEnv, rows: DirectoryGroupRow[]): SqlProgram<GroupView[]> {
  const roles = yield* roleKeysOfGroups(
    env,
    rows.map((g) => g.id),
  );
  return rows.map((row) => ({ row, roles: roles.get(row.id) ?? [] }));
}

export function* countGroups(directoryId: string, upTo?: number): SqlProgram<number> {
  const rows = upTo === undefined ? '' : ` LIMIT ${Math.floor(upTo)}`;
  return Number((yield* one(`SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "DirectoryGroup" WHERE "directoryId" = ?${rows}) x`, [directoryId]))?.n ?? 0);
}
