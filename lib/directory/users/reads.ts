// Reads of directory users, as SQL programs (run alone with read(), or inside a write with yield*). One row shape:
// DirectoryUserRow, with the user's groups (and roles) as JSON columns of the same query where a caller needs them.
import type { Dialect } from '../../db/dialect';
import { countedPage } from '../../db/counted-page';
import { columns, decode, decoder, jsonOf } from '../../db/rows';
import type { DirectoryUserRow } from '../../db/schema';
import { allOp, chunked, one, rowsOf, type SqlCondition, type SqlEnv, type SqlOp, type SqlProgram, type SqlRow, type SqlValue } from '../../db/sql-program';
import { memberVisibleSql } from '../groups/selection';
import { afterKey, type Keyset, type ListPageArgs, type Page, pageOf } from '../keyset';

export type { DirectoryUserRow } from '../../db/schema';
export type GroupRef = { id: string; displayName: string };

export const USER_COLUMNS_OF_U = columns('DirectoryUser', 'u');

/**
 * The users SCIM sees, aliased `u`: not those the IdP deleted and the leaving policy keeps for the host (RFC 7644
 * §3.6: a deleted resource is gone from every read). The (directoryId, removedAt) index keeps counts index-only.
 */
export const SCIM_VISIBLE_U = 'u."removedAt" IS NULL';

/** What a SCIM response is made of: the stored resource and its meta; SCIM reads fetch only these columns. */
const RESPONSE_COLUMNS = ['id', 'raw', 'version', 'createdAt', 'updatedAt'] as const;
export type UserResponseRow = Pick<DirectoryUserRow, (typeof RESPONSE_COLUMNS)[number]>;
export const USER_RESPONSE_COLUMNS_OF_U = columns('DirectoryUser', 'u', RESPONSE_COLUMNS);
export const userResponseOf = decoder('DirectoryUser', RESPONSE_COLUMNS);

/**
 * [[groupId, displayName], …] of the user aliased `u`, by group id: its memberships by the user id index, each
 * group's name probed by primary key (a scalar subquery, which neither database can turn into a join over the
 * directory's groups).
 */
export function groupsJson(d: Dialect, as = 'groupsJson'): string {
  const name = `(SELECT g."displayName" FROM "DirectoryGroup" g WHERE g."id" = m."groupId" AND g."directoryId" = u."directoryId")`;
  return `(SELECT ${d.jsonAgg(d.jsonArray('m."groupId"', name), 'm."groupId"')} FROM "GroupMembership" m
    WHERE m."userId" = u."id" AND m."directoryId" = u."directoryId") AS "${as}"`;
}

/** The host's view of groupsJson: only the selected groups (issue 19), each probed by primary key the same way. */
function hostGroupsJson(d: Dialect): string {
  return `(SELECT ${d.jsonAgg(d.jsonArray('m."groupId"', 'g."displayName"'), 'm."groupId"')} FROM "GroupMembership" m
    JOIN "DirectoryGroup" g ON g."id" = m."groupId" AND g."directoryId" = u."directoryId" AND ${memberVisibleSql(d)}
    WHERE m."userId" = u."id" AND m."directoryId" = u."directoryId") AS "groupsJson"`;
}

/** [roleKey, …] of the user aliased `u`. */
function rolesJson(d: Dialect): string {
  return `(SELECT ${d.jsonAgg('r."key"', 'r."key"')} FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."userId" = u."id") AS "rolesJson"`;
}

export const groupsOf = (r: SqlRow): GroupRef[] => jsonOf<[string, string][]>(r.groupsJson, []).map(([id, displayName]) => ({ id, displayName }));
/** Sorted as the host API shows them (JavaScript order, not a database collation). */
const rolesOf = (r: SqlRow): string[] => jsonOf<string[]>(r.rolesJson, []).sort();

const userOf = (r: SqlRow): DirectoryUserRow => decode('DirectoryUser', r);

/** The user, locked against other writers until the transaction ends when `lock` is set. */
export function* findUser(
  env: SqlEnv,
  { directoryId, id, lock = false }: { directoryId: string; id: string; lock?: boolean },
): SqlProgram<DirectoryUserRow | null> {
  const r = yield* one(`SELECT ${USER_COLUMNS_OF_U} FROM "DirectoryUser" u WHERE u."id" = ? AND u."directoryId" = ?${lock ? env.dialect.forUpdate : ''}`, [
    id,
    directoryId,
  ]);
  return r ? userOf(r) : null;
}

/** The user with its groups and role keys (what an event shows), locked like findUser when `lock` is set. */
export function* findUserView(
  env: SqlEnv,
  { directoryId, id, lock = false }: { directoryId: string; id: string; lock?: boolean },
): SqlProgram<UserView | null> {
  const r = (yield* rowsOf(userViewOp(env, { directoryId, by: { id }, lock })))[0];
  return r ? viewOf(r) : null;
}

/**
 * Who a create may be: the user with the IdP's externalId, else one the IdP deleted under the same userName whose
 * externalId doesn't name someone else (no userName is held by a deleted user: a SCIM user may hold it meanwhile,
 * and then the link is the unique index's 409).
 */
export type PersonLookup = { externalId: string | null; userNameLower: string };

/**
 * The statement of findUserView, by id or by the person a create names (read with viewOfRow), to send with others.
 * It also reads every group of the user (`scimGroups`): a SCIM write answers the IdP with them, selected or not.
 */
export function userViewOp(
  env: SqlEnv,
  { directoryId, by, lock }: { directoryId: string; by: { id: string } | { person: PersonLookup }; lock: boolean },
): SqlOp {
  const removedNamed = `(u."userNameLower" = ? AND u."removedAt" IS NOT NULL)`;
  const { person } = 'person' in by ? by : { person: null };
  const [where, params]: [string, SqlValue[]] =
    'id' in by
      ? ['u."id" = ?', [by.id]]
      : person?.externalId == null
        ? [removedNamed, [by.person.userNameLower]]
        : // Each side probes its index: (directoryId, externalId) and the deleted users' (directoryId, userNameLower).
          [`(u."externalId" = ? OR (${removedNamed} AND u."externalId" IS NULL))`, [person.externalId, person.userNameLower]];
  // The externalId's user before a deleted one of the same userName; one SCIM sees first, then the last deleted.
  const [first, firstParams] = person?.externalId != null ? ['CASE WHEN u."externalId" = ? THEN 0 ELSE 1 END, ', [person.externalId]] : ['', []];
  return allOp(
    `SELECT ${USER_COLUMNS_OF_U}, ${hostGroupsJson(env.dialect)}, ${groupsJson(env.dialect, 'scimGroupsJson')}, ${rolesJson(env.dialect)} FROM "DirectoryUser" u
     WHERE ${where} AND u."directoryId" = ? ORDER BY ${first}u."removedAt" IS NOT NULL, u."removedAt" DESC, u."id" LIMIT 1${lock ? env.dialect.forUpdate : ''}`,
    [...params, directoryId, ...firstParams],
  );
}

export const viewOfRow = (r: SqlRow | undefined): UserView | null => (r ? { ...viewOf(r), scimGroups: groupsOf({ groupsJson: r.scimGroupsJson }) } : null);

/** Every user of a directory, a chunk at a time in id order (a directory's deletion). */
export function* usersAfter(directoryId: string, after: string, limit: number): SqlProgram<DirectoryUserRow[]> {
  const rows = yield* rowsOf(
    allOp(`SELECT ${USER_COLUMNS_OF_U} FROM "DirectoryUser" u WHERE u."directoryId" = ? AND u."id" > ? ORDER BY u."id" LIMIT ?`, [directoryId, after, limit]),
  );
  return rows.map(userOf);
}

/** A user as SCIM answers it, with its groups when asked for. */
export interface UserWithGroups {
  row: UserResponseRow;
  groups: GroupRef[];
}

/** How SCIM looks one user up: by id, or by userName (the unique (directoryId, userNameLower) index). */
export type UserLookup = { id: string } | { userName: string };

/** The lookup's condition on the user aliased `u` and its one parameter. */
export const userLookupSql = (by: UserLookup): [string, string] => ('id' in by ? ['u."id"', by.id] : ['u."userNameLower"', by.userName.toLowerCase()]);

/** GET /Users/{id} and `userName eq "x"`: the user and, when asked for, its groups. */
export function* findUserWithGroups(
  env: SqlEnv,
  { directoryId, by, withGroups }: { directoryId: string; by: UserLookup; withGroups: boolean },
): SqlProgram<UserWithGroups | null> {
  const [column, key] = userLookupSql(by);
  const r = yield* one(
    `SELECT ${USER_RESPONSE_COLUMNS_OF_U}${withGroups ? `, ${groupsJson(env.dialect)}` : ''} FROM "DirectoryUser" u WHERE ${column} = ? AND u."directoryId" = ? AND ${SCIM_VISIBLE_U}`,
    [key, directoryId],
  );
  return r ? { row: userResponseOf(r), groups: withGroups ? groupsOf(r) : [] } : null;
}

/** A user with its groups and role keys: what events, the portal and the host API show. */
export interface UserView {
  row: DirectoryUserRow;
  /** The selected groups only: the host's view. */
  groups: GroupRef[];
  roles: string[];
  /** Every group, as SCIM shows it (userViewOp only). */
  scimGroups?: GroupRef[];
}

/**
 * A SCIM list page: the users matching `where` in `orderBy` order from `offset`, and how many match in all; null when
 * `fewMatches` is set and more than one user matches (lib/db/counted-page.ts).
 */
export function* listUsers(
  env: SqlEnv,
  { directoryId, where, orderBy, offset, limit, withGroups, fewMatches = false, after = null, total = null }: ListPageArgs & { withGroups: boolean },
): SqlProgram<{ total: number; users: UserWithGroups[] } | null> {
  const cond = `u."directoryId" = ? AND ${SCIM_VISIBLE_U}${where ? ` AND ${where.sql}` : ''}`;
  const params = [directoryId, ...(where?.params ?? [])];
  const count = allOp(`SELECT COUNT(*) AS "n" FROM "DirectoryUser" u WHERE ${cond}`, params);
  if (limit === 0) return { total: total ?? Number((yield* rowsOf(count))[0]?.n ?? 0), users: [] };
  // The page's ids first (from the index alone where it holds the order), then their rows and groups: rows skipped
  // by OFFSET are neither read nor have their groups read. A page that follows one read before starts after its key.
  const pageParams = [...params];
  const from = after ? `${cond} AND ${afterKey('u', after, pageParams)}` : cond;
  const page = `(SELECT u."id" FROM "DirectoryUser" u WHERE ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?) p JOIN "DirectoryUser" u ON u."id" = p."id"`;
  const select = `${USER_RESPONSE_COLUMNS_OF_U}${withGroups ? `, ${groupsJson(env.dialect)}` : ''}`;
  const pageOp = allOp(`SELECT ${select} FROM ${page} ORDER BY ${orderBy}`, [...pageParams, limit, offset]);
  const few = fewMatches ? allOp(`SELECT ${select} FROM "DirectoryUser" u WHERE ${cond} LIMIT 2`, params) : null;
  const counted = yield* countedPage({ page: pageOp, count, few, offset, limit, total }, where !== null);
  return counted && { total: counted.total, users: counted.rows.map((r) => ({ row: userResponseOf(r), groups: withGroups ? groupsOf(r) : [] })) };
}

/** Users one view statement reads at most (`userViewsOp`). */
export const USER_VIEW_CHUNK = 500;

/** Up to USER_VIEW_CHUNK users of the directory with their groups and roles, as rows for `viewsOf`. */
export function userViewsOp(env: SqlEnv, directoryId: string, ids: string[]): SqlOp {
  const [inIds, param] = env.dialect.inList('u."id"', ids);
  return allOp(
    `SELECT ${USER_COLUMNS_OF_U}, ${hostGroupsJson(env.dialect)}, ${rolesJson(env.dialect)} FROM "DirectoryUser" u WHERE ${inIds} AND u."directoryId" = ?`,
    [param, directoryId],
  );
}

const viewOf = (r: SqlRow): UserView => ({ row: userOf(r), groups: groupsOf(r), roles: rolesOf(r) });

/** The users of `userViewsOp`'s rows, by id. */
export const viewsOf = (rows: SqlRow[], out = new Map<string, UserView>()): Map<string, UserView> => {
  for (const r of rows) out.set(String(r.id), viewOf(r));
  return out;
};

/** Users of the directory with their groups and role keys, by id (ids of other directories are left out). */
export function* userViews(env: SqlEnv, directoryId: string, ids: string[]): SqlProgram<Map<string, UserView>> {
  const out = new Map<string, UserView>();
  for (const part of chunked([...new Set(ids)], USER_VIEW_CHUNK)) viewsOf(yield* rowsOf(userViewsOp(env, directoryId, part)), out);
  return out;
}

/** What a page of users is asked by: the portal's Users tab (a search, a group's members), the host API (a filter). */
export interface UserPageArgs {
  directoryId: string;
  groupId?: string;
  query?: string;
  where?: SqlCondition | null;
  limit: number;
  after?: Keyset | null;
}

/**
 * The statement of a page of users, optionally only a group's members or those matching a search (prefixes of the
 * lower-cased, indexed columns, a substring of the display name) or a filter. The directory's users come in keyset
 * order (createdAt, id); a group's members in member order (user id), a range of the membership key from the cursor
 * with each user probed by its key, so a page of members costs the same for 10 members or a million wherever in the
 * directory they are (in creation order, a group's first page walked the directory until it met its members: 120-340
 * ms at 100,000 users on the read path every tenant shares, for 2,001 members created last). The page's ids come
 * first, then their rows, groups and roles: for those ids only, never for every row a filter matched before the sort.
 */
export function pageUsersOp(env: SqlEnv, { directoryId, groupId, query, where, limit, after }: UserPageArgs): SqlOp {
  const conds = ['u."directoryId" = ?'];
  const params: SqlValue[] = [directoryId];
  // A SCIM filter compiled for alias `u` (the host API's ?filter=).
  if (where) {
    conds.push(where.sql);
    params.push(...where.params);
  }
  const q = query?.trim().toLowerCase();
  if (q) {
    const prefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(`(u."userNameLower" LIKE ? ESCAPE '\\' OR u."emailLower" LIKE ? ESCAPE '\\' OR u."givenNameLower" LIKE ? ESCAPE '\\'
      OR u."familyNameLower" LIKE ? ESCAPE '\\' OR u."displayNameLower" LIKE ? ESCAPE '\\')`);
    params.push(prefix, prefix, prefix, prefix, `%${prefix}`);
  }
  let page: string;
  if (groupId && conds.length === 1) {
    // Every member: the membership key from the cursor, each user probed by its key (CROSS JOIN: SQLite keeps that order).
    params.unshift(groupId, ...(after ? [after.id] : []));
    page = `(SELECT m."userId" AS "id" FROM "GroupMembership" m CROSS JOIN "DirectoryUser" u
      WHERE m."groupId" = ?${after ? ' AND m."userId" > ?' : ''} AND u."id" = m."userId" AND ${conds[0]} ORDER BY m."userId" LIMIT ?) p`;
  } else if (groupId) {
    // Members matching a filter or a search: from the filter's index, each probed for membership (callers read this
    // as a scan unless the filter is one user's key).
    conds.push('EXISTS (SELECT 1 FROM "GroupMembership" m WHERE m."groupId" = ? AND m."userId" = u."id")');
    params.push(groupId);
    if (after) {
      conds.push('u."id" > ?');
      params.push(after.id);
    }
    page = `(SELECT u."id" FROM "DirectoryUser" u WHERE ${conds.join(' AND ')} ORDER BY u."id" LIMIT ?) p`;
  } else {
    if (after) conds.push(afterKey('u', after, params));
    page = `(SELECT u."id" FROM "DirectoryUser" u WHERE ${conds.join(' AND ')} ORDER BY u."createdAt", u."id" LIMIT ?) p`;
  }
  return allOp(
    `SELECT ${USER_COLUMNS_OF_U}, ${hostGroupsJson(env.dialect)}, ${rolesJson(env.dialect)} FROM ${page} JOIN "DirectoryUser" u ON u."id" = p."id"
     ORDER BY ${groupId ? 'u."id"' : 'u."createdAt", u."id"'}`,
    [...params, limit + 1],
  );
}

/** The portal's and host API's pages of users (pageUsersOp). */
export function* pageUsers(env: SqlEnv, args: UserPageArgs): SqlProgram<Page<UserView>> {
  return pageOf((yield* rowsOf(pageUsersOp(env, args))).map(viewOf), args.limit, (v) => v.row);
}

/**
 * The directory's users: all, those SCIM sees (`scim`, what its quota counts), or those the IdP deleted and the host
 * keeps (`kept`, counted against a bound of their own): each a range of the (directoryId, removedAt) index.
 */
export function* countUsers(
  directoryId: string,
  { scim = false, kept = false, upTo }: { scim?: boolean; kept?: boolean; upTo?: number } = {},
): SqlProgram<number> {
  const visible = scim ? ` AND ${SCIM_VISIBLE_U}` : kept ? ` AND u."removedAt" IS NOT NULL` : '';
  // `upTo`: counted no further, so the count costs what a page costs.
  const rows = upTo === undefined ? '' : ` LIMIT ${Math.floor(upTo)}`;
  const sql = `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "DirectoryUser" u WHERE u."directoryId" = ?${visible}${rows}) x`;
  return Number((yield* one(sql, [directoryId]))?.n ?? 0);
}
