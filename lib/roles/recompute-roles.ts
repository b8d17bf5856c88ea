// A user's roles are the union of the roles mapped to the selected groups they belong to (the host's view), or the directory's default role
// when that union is empty; an inactive user has none. They are stored (UserRole, written only here) and
// recomputed inside the transaction of every change that can move them, so no reader ever sees stale roles.
import { insertOp } from '../db/rows';
import { all, allOp, changes, chunked, rowsOf, runOp, together, type SqlEnv, type SqlOp, type SqlProgram, type SqlRow } from '../db/sql-program';
import { memberVisibleSql } from '../directory/groups/selection';

const asStr = (v: unknown) => String(v);

export interface RoleChange {
  userId: string;
  before: string[];
  after: string[];
}

function groupBy(rows: Record<string, unknown>[], key: string, value: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = asStr(r[key]);
    const set = out.get(k) ?? new Set<string>();
    set.add(asStr(r[value]));
    out.set(k, set);
  }
  return out;
}

/** What decides a directory's roles besides memberships: its default role, and whether any group maps to a role. */
export interface RoleConfig {
  defaultRoleId: string | null;
  mapped: boolean;
}

/** The role configuration's columns, for a query with the directory aliased `d` (read with roleConfigOf). */
export const ROLE_CONFIG_COLUMNS = `d."defaultRoleId" AS "roleDefaultId", (SELECT 1 FROM "RoleMapping" rm0 WHERE rm0."directoryId" = d."id" LIMIT 1) AS "roleMapped"`;

/** The directory's role configuration (read with roleConfigOf). */
export const roleConfigOp = (directoryId: string): SqlOp => allOp(`SELECT ${ROLE_CONFIG_COLUMNS} FROM "Directory" d WHERE d."id" = ?`, [directoryId]);

export function roleConfigOf(r: SqlRow | null): RoleConfig {
  return { defaultRoleId: r?.roleDefaultId == null ? null : asStr(r.roleDefaultId), mapped: r?.roleMapped != null };
}

/**
 * No mappings and no default role: everyone's roles are empty, and stay so (the configuration change that removed
 * the last mapping or the default recomputed everyone it had given a role). Most directories are like this, so
 * most writes skip recomputing.
 */
export function rolesIdle(config: RoleConfig): boolean {
  return !config.defaultRoleId && !config.mapped;
}

/** What recomputeRolesSql writes for a user who left (inactive: no role at all), as a statement to send with others. */
export const noRolesOp = (directoryId: string, userId: string): SqlOp =>
  runOp(`DELETE FROM "UserRole" WHERE "userId" = ? AND "directoryId" = ?`, [userId, directoryId]);

/**
 * Recomputes the users' stored roles. `known`: the role configuration, read by the caller after taking the
 * directory's shared role lock (role-locks.ts). On PostgreSQL the users are locked first, in id order, so two
 * membership changes of one user recompute one after the other, the second seeing the first's memberships.
 * `configChange`: the caller changed the configuration itself and holds the directory's role lock exclusively, so
 * no membership change runs alongside (no user locks), and an idle configuration still clears the roles the
 * previous one gave.
 */
export function* recomputeRolesSql(
  env: SqlEnv,
  directoryId: string,
  userIds: string[],
  known?: RoleConfig,
  { configChange = false }: { configChange?: boolean } = {},
): SqlProgram<RoleChange[]> {
  if (userIds.length === 0) return [];
  const config = known ?? roleConfigOf((yield* rowsOf(roleConfigOp(directoryId)))[0] ?? null);
  if (rolesIdle(config) && !configChange) return [];
  const defaultRoleId = config.defaultRoleId;
  const out: RoleChange[] = [];
  // Sorted as PostgreSQL sorts them under COLLATE "C" (ids are ASCII): chunk by chunk, one lock order overall.
  for (const chunk of chunked([...new Set(userIds)].sort(), 400)) {
    const [inUsers, users] = env.dialect.inList('gm."userId"', chunk);
    const [inHolders, holders] = env.dialect.inList('"userId"', chunk);
    const [inIds, ids] = env.dialect.inList('"id"', chunk);
    // The users locked first (not for a configuration change, which excludes every membership change already).
    const results = yield* together([
      ...(configChange ? [] : env.dialect.lockRows('DirectoryUser', chunk)),
      allOp(
        `SELECT gm."userId", rm."roleId" FROM "GroupMembership" gm JOIN "DirectoryGroup" g ON g."id" = gm."groupId"
         JOIN "RoleMapping" rm ON rm."groupId" = gm."groupId" WHERE ${inUsers} AND g."directoryId" = ? AND ${memberVisibleSql(env.dialect, 'g', 'gm')}`,
        [users, directoryId],
      ),
      allOp(`SELECT "userId", "roleId" FROM "UserRole" WHERE ${inHolders}`, [holders]),
      allOp(`SELECT "id" FROM "DirectoryUser" WHERE ${inIds} AND "active" = ?`, [ids, false]),
    ]);
    const [mapped, current, inactiveRows] = results.slice(-3);
    const inactive = new Set(inactiveRows.map((r) => asStr(r.id)));
    const wanted = groupBy(mapped, 'userId', 'roleId');
    const have = groupBy(current, 'userId', 'roleId');
    const touched: { userId: string; before: Set<string>; after: Set<string> }[] = [];
    const removals = new Map<string, string[]>(); // roleId → users losing it
    const additions: { userId: string; roleId: string; directoryId: string }[] = [];
    for (const userId of chunk) {
      // An inactive user holds no role, the default included (issue 19): a host checking roles lets nobody in who left.
      const w = inactive.has(userId) ? new Set<string>() : (wanted.get(userId) ?? new Set<string>());
      if (w.size === 0 && defaultRoleId && !inactive.has(userId)) w.add(defaultRoleId);
      const h = have.get(userId) ?? new Set<string>();
      let changed = false;
      for (const roleId of h) {
        if (w.has(roleId)) continue;
        removals.set(roleId, [...(removals.get(roleId) ?? []), userId]);
        changed = true;
      }
      for (const roleId of w) {
        if (h.has(roleId)) continue;
        additions.push({ userId, roleId, directoryId });
        changed = true;
      }
      if (changed) touched.push({ userId, before: h, after: w });
    }
    for (const [roleId, users] of removals) {
      const [inLosing, losing] = env.dialect.inList('"userId"', users);
      yield* changes(runOp(`DELETE FROM "UserRole" WHERE "roleId" = ? AND ${inLosing}`, [roleId, losing]));
    }
    for (const part of chunked(additions, 300)) yield* changes(insertOp(env.dialect, 'UserRole', part));
    if (touched.length === 0) continue;
    const roleIds = [...new Set(touched.flatMap((t) => [...t.before, ...t.after]))];
    const [inRoles, roles] = env.dialect.inList('"id"', roleIds);
    const keyRows = yield* all(`SELECT "id", "key" FROM "Role" WHERE ${inRoles}`, [roles]);
    const keys = new Map(keyRows.map((r) => [asStr(r.id), asStr(r.key)]));
    const keyList = (ids: Iterable<string>) => [...ids].map((id) => keys.get(id) ?? id).sort();
    for (const t of touched) out.push({ userId: t.userId, before: keyList(t.before), after: keyList(t.after) });
  }
  return out;
}

function* roleKeys(env: SqlEnv, sql: string, column: string, ids: string[]): SqlProgram<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const chunk of chunked([...new Set(ids)], 500)) {
    const [inIds, param] = env.dialect.inList(column, chunk);
    for (const r of yield* all(sql.replace('%IN%', inIds), [param])) {
      const k = asStr(r.owner);
      out.set(k, [...(out.get(k) ?? []), asStr(r.key)].sort());
    }
  }
  return out;
}

/** Role keys mapped to each group. */
export function roleKeysOfGroups(env: SqlEnv, groupIds: string[]): SqlProgram<Map<string, string[]>> {
  return roleKeys(
    env,
    `SELECT rm."groupId" AS "owner", r."key" FROM "RoleMapping" rm JOIN "Role" r ON r."id" = rm."roleId" WHERE %IN%`,
    'rm."groupId"',
    groupIds,
  );
}
