// Host-defined roles and per-directory group-to-role mappings, the one writer of Role and RoleMapping. Changing
// mappings recomputes the roles of every member of a group whose mapping changed, in the same transaction, with
// their events.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import { columns, decode, insertOp } from '../db/rows';
import type { RoleRow } from '../db/schema';
import { all, changes, one, rowsOf, runOp, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { setDefaultRoleId } from '../directory/directories';
import { DomainError } from '../domain-error';
import type { DirectoryScope } from '../events/event-types';
import { writeEventsSql } from '../events/write-events';
import { newId } from '../ids';
import { recomputeRolesSql, type RoleChange } from './recompute-roles';
import { roleChangeEvents } from './role-events';
import { lockRoleEditors, lockRolesExclusive } from './role-locks';

export type { RoleRow } from '../db/schema';

export function createRole(hostId: string, input: { key: string; name: string; description?: string | null }, actor?: string): Promise<RoleRow> {
  return write(function* (env) {
    const row = { id: newId('rol'), hostId, key: input.key, name: input.name, description: input.description ?? null };
    const role = decode('Role', (yield* rowsOf(insertOp(env.dialect, 'Role', [row], { returning: columns('Role') })))[0]);
    if (actor) yield* auditSql(env, { hostId, actor, action: 'role.created', target: role.id, details: { key: role.key, name: role.name } });
    return role;
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw new DomainError('conflict', `A role with key "${input.key}" already exists`);
    throw e;
  });
}

export function* listRoles(hostId: string): SqlProgram<RoleRow[]> {
  return (yield* all(`SELECT ${columns('Role')} FROM "Role" WHERE "hostId" = ? ORDER BY "key"`, [hostId])).map((r) => decode('Role', r));
}

/** The host's roles, read on their own (pages and the host API). */
export function rolesOfHost(hostId: string): Promise<RoleRow[]> {
  return read(() => listRoles(hostId));
}

/** The key of a role of this host, or null. */
export function* roleKey(id: string | null): SqlProgram<string | null> {
  if (!id) return null;
  const r = yield* one(`SELECT "key" FROM "Role" WHERE "id" = ?`, [id]);
  return r ? String(r.key) : null;
}

export interface MappingInput {
  groupId: string;
  roleKey: string;
}

export function* listRoleMappings(directoryId: string): SqlProgram<MappingInput[]> {
  const rows = yield* all(
    `SELECT rm."groupId", r."key" FROM "RoleMapping" rm JOIN "Role" r ON r."id" = rm."roleId" WHERE rm."directoryId" = ? ORDER BY rm."groupId", rm."roleId"`,
    [directoryId],
  );
  return rows.map((r) => ({ groupId: String(r.groupId), roleKey: String(r.key) }));
}

/** Replaces the directory's mappings within a transaction; returns the role changes it caused. */
function* replaceMappings(env: SqlEnv, scope: DirectoryScope, mappings: MappingInput[]): SqlProgram<RoleChange[]> {
  const d = env.dialect;
  const keys = [...new Set(mappings.map((m) => m.roleKey))];
  const [inKeys, keyList] = d.inList('"key"', keys);
  const roleId = new Map(
    (yield* all(`SELECT "id", "key" FROM "Role" WHERE "hostId" = ? AND ${inKeys}`, [scope.hostId, keyList])).map((r) => [String(r.key), String(r.id)]),
  );
  const unknownRole = keys.find((k) => !roleId.has(k));
  if (unknownRole) throw new DomainError('invalid', `mappings: unknown roleKey "${unknownRole}"`);
  const groupIds = [...new Set(mappings.map((m) => m.groupId))];
  const [inGroups, groupList] = d.inList('"id"', groupIds);
  const known = new Set(
    (yield* all(`SELECT "id" FROM "DirectoryGroup" WHERE "directoryId" = ? AND ${inGroups}`, [scope.directoryId, groupList])).map((r) => String(r.id)),
  );
  const unknownGroup = groupIds.find((g) => !known.has(g));
  if (unknownGroup) throw new DomainError('invalid', `mappings: unknown groupId "${unknownGroup}" in this directory`);

  const before = yield* all(`SELECT "groupId", "roleId" FROM "RoleMapping" WHERE "directoryId" = ?`, [scope.directoryId]);
  const wanted = new Set(mappings.map((m) => `${m.groupId} ${roleId.get(m.roleKey)}`));
  const had = new Set(before.map((m) => `${String(m.groupId)} ${String(m.roleId)}`));
  const gone = before.map((m) => [String(m.groupId), String(m.roleId)]).filter(([g, r]) => !wanted.has(`${g} ${r}`));
  const fresh = [...wanted].filter((k) => !had.has(k)).map((k) => k.split(' '));
  for (const [g, r] of gone) yield* changes(runOp(`DELETE FROM "RoleMapping" WHERE "groupId" = ? AND "roleId" = ?`, [g, r]));
  if (fresh.length)
    yield* changes(
      insertOp(
        d,
        'RoleMapping',
        fresh.map(([groupId, rid]) => ({ directoryId: scope.directoryId, groupId, roleId: rid })),
      ),
    );
  const touchedGroups = [...new Set([...gone.map(([g]) => g), ...fresh.map(([g]) => g)])];
  if (touchedGroups.length === 0) return [];
  const [inTouched, touchedList] = d.inList('"groupId"', touchedGroups);
  const members = yield* all(`SELECT DISTINCT "userId" FROM "GroupMembership" WHERE ${inTouched}`, [touchedList]);
  return yield* recomputeRolesSql(
    env,
    scope.directoryId,
    members.map((m) => String(m.userId)),
    undefined,
    { configChange: true },
  );
}

function* setDefaultRoleIn(env: SqlEnv, scope: DirectoryScope, key: string | null): SqlProgram<void> {
  const role = key ? yield* one(`SELECT "id" FROM "Role" WHERE "hostId" = ? AND "key" = ?`, [scope.hostId, key]) : null;
  if (key && !role) throw new DomainError('invalid', `defaultRoleKey: unknown role "${key}"`);
  yield* setDefaultRoleId(env, { id: scope.directoryId, roleId: role ? String(role.id) : null });
}

export interface RoleConfigChange {
  mappings?: MappingInput[];
  defaultRoleKey?: string | null;
}

/** Applies a change of mappings and/or default role inside a transaction; returns the users' role changes. */
function* applyRoleConfig(env: SqlEnv, scope: DirectoryScope, { mappings, defaultRoleKey }: RoleConfigChange): SqlProgram<RoleChange[]> {
  if (defaultRoleKey !== undefined) yield* setDefaultRoleIn(env, scope, defaultRoleKey);
  const roleChanges = mappings ? yield* replaceMappings(env, scope, mappings) : [];
  if (defaultRoleKey !== undefined) {
    // A new default moves the roles of users in no mapped group, wherever they are.
    const everyone = (yield* all(`SELECT "id" FROM "DirectoryUser" WHERE "directoryId" = ?`, [scope.directoryId])).map((r) => String(r.id));
    const more = yield* recomputeRolesSql(env, scope.directoryId, everyone, undefined, { configChange: true });
    const seen = new Set(roleChanges.map((c) => c.userId));
    roleChanges.push(...more.filter((c) => !seen.has(c.userId)));
  }
  return roleChanges;
}

/**
 * Mappings and, optionally, the default role, in ONE transaction: an invalid default role leaves the mappings as
 * they were too.
 */
export function configureRoles(scope: DirectoryScope, config: RoleConfigChange, actor = 'system'): Promise<MappingInput[]> {
  return write(function* (env) {
    // No membership change of this directory runs alongside (role-locks.ts): what follows reads them all, settled.
    yield* lockRolesExclusive(env, scope.directoryId);
    const roleChanges = yield* applyRoleConfig(env, scope, config);
    const details = { mappings: config.mappings, defaultRoleKey: config.defaultRoleKey, usersAffected: roleChanges.length };
    yield* auditSql(env, {
      hostId: scope.hostId,
      organizationId: scope.organizationId,
      actor,
      action: 'role_mappings.changed',
      target: scope.directoryId,
      details,
    });
    yield* writeEventsSql(env, scope, yield* roleChangeEvents(env, scope.directoryId, roleChanges));
    return yield* listRoleMappings(scope.directoryId);
  });
}

export function setRoleMappings(scope: DirectoryScope, mappings: MappingInput[], actor = 'system'): Promise<MappingInput[]> {
  return configureRoles(scope, { mappings }, actor);
}

/** Sets the role of users in no mapped group (null: none) and recomputes everyone's roles in the directory. */
export async function setDefaultRole(scope: DirectoryScope, key: string | null, actor = 'system'): Promise<void> {
  await configureRoles(scope, { defaultRoleKey: key }, actor);
}

class Rollback extends Error {
  constructor(readonly changes: RoleChange[]) {
    super('preview');
  }
}

/** What a change of mappings or default role would do, computed by applying it in a transaction then rolled back. */
export async function previewRoleConfig(scope: DirectoryScope, config: RoleConfigChange): Promise<RoleChange[]> {
  try {
    await write(function* (env) {
      yield* lockRoleEditors(env, scope.directoryId);
      throw new Rollback(yield* applyRoleConfig(env, scope, config));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.changes;
    throw e;
  }
  return [];
}
