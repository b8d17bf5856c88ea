// What a SCIM request reads first, planned from the request before its token is checked and read in the token
// check's own query: the user of GET /Users/{id} and of `userName eq` (Okta's and Entra's match query), the group
// of GET /Groups/{id} and of `displayName eq`, the group a PATCH changes. The endpoints ask this module for those
// rows (`ctx.reads`); it answers from what the token check read, or reads them itself.
import { database, lookup, read } from '../db/database';
import type { SqlRow } from '../db/sql-program';
import {
  findGroupBy,
  GROUP_COLUMNS_OF_G,
  groupLookupSql,
  groupOf,
  type DirectoryGroupRow,
  type GroupLookup,
  type GroupWithRoles,
} from '../directory/groups/reads';
import { hashSecret, looksLike } from '../secrets/secret-token';
import { TOKEN_CHECK_COLUMNS, TOKEN_CHECK_JOINS, tokenCheckOf, type TokenCheck } from '../directory/tokens';
import {
  findUserWithGroups,
  groupsJson,
  groupsOf,
  SCIM_VISIBLE_U,
  USER_RESPONSE_COLUMNS_OF_U,
  userLookupSql,
  userResponseOf,
  type UserLookup,
  type UserWithGroups,
} from '../directory/users/reads';
import { ROLE_CONFIG_COLUMNS, roleConfigOf } from '../roles/recompute-roles';
import { simpleEquality } from './filter/simple-filters';
import { listParamsFromQuery } from './list-params';
import { projectionOf } from './request-options';
import { wantsAttribute } from './responses';
import type { ScimRequest } from './types';

/** One user lookup, and whether the answer shows the user's groups. */
export interface UserRead {
  by: UserLookup;
  withGroups: boolean;
}

export type Plan = { kind: 'user'; read: UserRead } | { kind: 'group'; by: GroupLookup } | { kind: 'patchGroup'; id: string } | null;

/** The read `req` starts from, when it is one of the planned ones; null for every other request (and a bad one). */
export function planRead(req: ScimRequest): Plan {
  const [first = '', id, ...rest] = req.path;
  const resource = first.toLowerCase();
  const method = req.method.toUpperCase();
  if (rest.length || id === '.search' || (resource !== 'users' && resource !== 'groups')) return null;
  try {
    if (method === 'PATCH') return resource === 'groups' && id ? { kind: 'patchGroup', id } : null;
    if (method !== 'GET') return null;
    if (id !== undefined) {
      if (resource === 'groups') return { kind: 'group', by: { id } };
      const p = projectionOf(req.query);
      return { kind: 'user', read: { by: { id }, withGroups: wantsAttribute('groups', p.attributes, p.excludedAttributes) } };
    }
    const params = listParamsFromQuery(req.query);
    if (params.filter === null || params.sortBy) return null;
    if (resource === 'groups') {
      const displayName = simpleEquality(params.filter, 'displayName');
      return displayName === null ? null : { kind: 'group', by: { displayName } };
    }
    const userName = simpleEquality(params.filter, 'userName');
    return userName === null
      ? null
      : { kind: 'user', read: { by: { userName }, withGroups: wantsAttribute('groups', params.attributes, params.excludedAttributes) } };
  } catch {
    return null;
  }
}

const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).every((k) => a[k] === b[k]) && Object.keys(a).length === Object.keys(b).length;

/** The rows the endpoints read first: from the token check's query when planned, else read on demand. */
export class RequestReads {
  constructor(
    private readonly directoryId: string,
    private readonly plan: Plan = null,
    private readonly found: UserWithGroups | DirectoryGroupRow | GroupWithRoles | null = null,
  ) {}

  user(r: UserRead): Promise<UserWithGroups | null> {
    const p = this.plan;
    if (p?.kind === 'user' && p.read.withGroups === r.withGroups && same(p.read.by, r.by)) return Promise.resolve(this.found as UserWithGroups | null);
    return read((env) => findUserWithGroups(env, { directoryId: this.directoryId, ...r }));
  }

  group(by: GroupLookup): Promise<DirectoryGroupRow | null> {
    const p = this.plan;
    if (p?.kind === 'group' && same(p.by, by)) return Promise.resolve(this.found as DirectoryGroupRow | null);
    return read(() => findGroupBy({ directoryId: this.directoryId, by }));
  }

  /** The group a PATCH changes with its directory's role configuration, when read with the token check. */
  patchedGroup(id: string): GroupWithRoles | null | undefined {
    const p = this.plan;
    return p?.kind === 'patchGroup' && p.id === id ? (this.found as GroupWithRoles | null) : undefined;
  }
}

/**
 * The token check, and in the same statement the row `join` finds by a key (its first parameter) in the token's own
 * directory; the token's hash is the last parameter.
 */
function tokenAnd(select: string | null, join: string | null): string {
  const cols = select ? `${TOKEN_CHECK_COLUMNS}, ${select}` : TOKEN_CHECK_COLUMNS;
  return `SELECT ${cols} FROM "DirectoryToken" t ${TOKEN_CHECK_JOINS}${join ? ` ${join}` : ''} WHERE t."hash" = ?`;
}

/** Each statement built once: a query's text is then one string, hashed once where statements are cached. */
const statements = new Map<string, string>();
function statement(name: string, build: () => string): string {
  let s = statements.get(name);
  if (!s) statements.set(name, (s = build()));
  return s;
}

function plannedRead(plan: Plan): { statement: string; key: string | null; found: (r: SqlRow | undefined) => RequestReads['found'] } {
  const d = database().dialect;
  if (plan?.kind === 'user') {
    const [column, key] = userLookupSql(plan.read.by);
    const withGroups = plan.read.withGroups;
    const s = statement(`user ${column} ${withGroups}`, () =>
      tokenAnd(
        `${USER_RESPONSE_COLUMNS_OF_U}${withGroups ? `, ${groupsJson(d)}` : ''}`,
        `LEFT JOIN "DirectoryUser" u ON ${column} = ? AND u."directoryId" = t."directoryId" AND ${SCIM_VISIBLE_U}`,
      ),
    );
    return { statement: s, key, found: (r) => (r?.id == null ? null : { row: userResponseOf(r), groups: withGroups ? groupsOf(r) : [] }) };
  }
  if (plan?.kind === 'group' || plan?.kind === 'patchGroup') {
    const [column, key] = groupLookupSql(plan.kind === 'group' ? plan.by : { id: plan.id });
    const roles = plan.kind === 'patchGroup';
    const s = statement(`group ${column} ${roles}`, () =>
      tokenAnd(
        `${GROUP_COLUMNS_OF_G}${roles ? `, ${ROLE_CONFIG_COLUMNS}` : ''}`,
        `LEFT JOIN "DirectoryGroup" g ON ${column} = ? AND g."directoryId" = t."directoryId"`,
      ),
    );
    return { statement: s, key, found: (r) => (r?.id == null ? null : roles ? { row: groupOf(r), roles: roleConfigOf(r) } : groupOf(r)) };
  }
  return { statement: statement('token', () => tokenAnd(null, null)), key: null, found: () => null };
}

export interface Authenticated {
  check: TokenCheck;
  reads: RequestReads;
}

/** The token check for `directoryId` and, in the same statement, what `plan` reads; null when the token is not live there. */
export async function authenticate(directoryId: string, token: string, plan: Plan): Promise<Authenticated | null> {
  if (!looksLike('scim', token)) return null;
  const hash = hashSecret(token);
  const p = plannedRead(plan);
  const [r] = await lookup(p.statement, p.key === null ? [hash] : [p.key, hash]);
  const check = tokenCheckOf(r, directoryId, hash);
  // The row was joined in the token's own directory: a token of another directory never shows this one's rows.
  return check && { check, reads: new RequestReads(directoryId, plan, p.found(r)) };
}
