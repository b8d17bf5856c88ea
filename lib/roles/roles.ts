// Host-defined roles and per-directory group-to-role mappings. Changing mappings recomputes the roles of every
// member of a group whose mapping changed, in the same transaction, with their events.
import { audit } from '../audit/audit-log';
import { dialect, type Db, type Tx } from '../db/client';
import { runProgramInTx } from '../db/sql-drivers';
import { transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { DirectoryScope } from '../events/event-types';
import { writeEvents } from '../events/write-events';
import { roleChangeEvents } from '../directory/user-service';
import { newId } from '../ids';
import { recomputeRolesExclusive, type RoleChange } from './recompute-roles';
import { lockRoleEditors, lockRolesExclusive } from './role-locks';

export interface RoleRow {
  id: string;
  hostId: string;
  key: string;
  name: string;
  description: string | null;
  createdAt: Date;
}

export async function createRole(db: Tx, hostId: string, input: { key: string; name: string; description?: string | null }, actor?: string): Promise<RoleRow> {
  if (await db.role.findFirst({ where: { hostId, key: input.key }, select: { id: true } })) {
    throw new DomainError('conflict', `A role with key "${input.key}" already exists`);
  }
  const role = await db.role.create({ data: { id: newId('rol'), hostId, key: input.key, name: input.name, description: input.description ?? null } });
  if (actor) await audit(db, { hostId, actor, action: 'role.created', target: role.id, details: { key: role.key, name: role.name } });
  return role;
}

export function listRoles(db: Tx, hostId: string): Promise<RoleRow[]> {
  return db.role.findMany({ where: { hostId }, orderBy: [{ key: 'asc' }] });
}

export interface MappingInput {
  groupId: string;
  roleKey: string;
}

export async function listRoleMappings(db: Tx, directoryId: string): Promise<MappingInput[]> {
  const rows = await db.roleMapping.findMany({
    where: { directoryId },
    select: { groupId: true, role: { select: { key: true } } },
    orderBy: [{ groupId: 'asc' }, { roleId: 'asc' }],
  });
  return rows.map((r) => ({ groupId: r.groupId, roleKey: r.role.key }));
}

/** Replaces the directory's mappings within a transaction; returns the role changes it caused. */
async function replaceMappings(tx: Tx, scope: DirectoryScope, mappings: MappingInput[]): Promise<RoleChange[]> {
  const keys = [...new Set(mappings.map((m) => m.roleKey))];
  const roles = await tx.role.findMany({ where: { hostId: scope.hostId, key: { in: keys } }, select: { id: true, key: true } });
  const roleId = new Map(roles.map((r) => [r.key, r.id]));
  const unknownRole = keys.find((k) => !roleId.has(k));
  if (unknownRole) throw new DomainError('invalid', `mappings: unknown roleKey "${unknownRole}"`);
  const groupIds = [...new Set(mappings.map((m) => m.groupId))];
  const groups = await tx.directoryGroup.findMany({ where: { directoryId: scope.directoryId, id: { in: groupIds } }, select: { id: true } });
  const known = new Set(groups.map((g) => g.id));
  const unknownGroup = groupIds.find((g) => !known.has(g));
  if (unknownGroup) throw new DomainError('invalid', `mappings: unknown groupId "${unknownGroup}" in this directory`);

  const before = await tx.roleMapping.findMany({ where: { directoryId: scope.directoryId }, select: { groupId: true, roleId: true } });
  const wanted = new Set(mappings.map((m) => `${m.groupId} ${roleId.get(m.roleKey)}`));
  const had = new Set(before.map((m) => `${m.groupId} ${m.roleId}`));
  const gone = before.filter((m) => !wanted.has(`${m.groupId} ${m.roleId}`));
  const fresh = [...wanted].filter((k) => !had.has(k)).map((k) => k.split(' '));
  for (const m of gone) await tx.roleMapping.deleteMany({ where: { groupId: m.groupId, roleId: m.roleId } });
  if (fresh.length) {
    await tx.roleMapping.createMany({ data: fresh.map(([groupId, rid]) => ({ directoryId: scope.directoryId, groupId, roleId: rid })) });
  }
  const touchedGroups = [...new Set([...gone.map((m) => m.groupId), ...fresh.map(([g]) => g)])];
  if (touchedGroups.length === 0) return [];
  const members = await tx.groupMembership.findMany({ where: { groupId: { in: touchedGroups } }, select: { userId: true } });
  return recomputeRolesExclusive(tx, scope.directoryId, [...new Set(members.map((m) => m.userId))]);
}

export async function setRoleMappings(db: Db, scope: DirectoryScope, mappings: MappingInput[], actor = 'system'): Promise<MappingInput[]> {
  return configureRoles(db, scope, { mappings }, actor);
}

export interface RoleConfigChange {
  mappings?: MappingInput[];
  defaultRoleKey?: string | null;
}

/** Applies a change of mappings and/or default role inside a transaction; returns the users' role changes. */
async function applyRoleConfig(tx: Tx, scope: DirectoryScope, { mappings, defaultRoleKey }: RoleConfigChange): Promise<RoleChange[]> {
  if (defaultRoleKey !== undefined) await setDefaultRoleIn(tx, scope, defaultRoleKey);
  const changes = mappings ? await replaceMappings(tx, scope, mappings) : [];
  if (defaultRoleKey !== undefined) {
    // A new default moves the roles of users in no mapped group, wherever they are.
    const everyone = await tx.directoryUser.findMany({ where: { directoryId: scope.directoryId }, select: { id: true } });
    const more = await recomputeRolesExclusive(tx, scope.directoryId, everyone.map((u) => u.id));
    const seen = new Set(changes.map((c) => c.userId));
    changes.push(...more.filter((c) => !seen.has(c.userId)));
  }
  return changes;
}

/**
 * Mappings and, optionally, the default role, in ONE transaction: an invalid default role leaves the mappings as
 * they were too.
 */
export async function configureRoles(db: Db, scope: DirectoryScope, config: RoleConfigChange, actor = 'system'): Promise<MappingInput[]> {
  return transaction(db, async (tx) => {
    // No membership change of this directory runs alongside (role-locks.ts): what follows reads them all, settled.
    await lockRolesExclusive(tx, dialect(), scope.directoryId);
    const changes = await applyRoleConfig(tx, scope, config);
    const { mappings, defaultRoleKey } = config;
    await audit(tx, { hostId: scope.hostId, organizationId: scope.organizationId, actor, action: 'role_mappings.changed', target: scope.directoryId, details: { mappings, defaultRoleKey, usersAffected: changes.length } });
    await writeEvents(tx, scope, await runProgramInTx(tx, (env) => roleChangeEvents(env, scope.directoryId, changes)));
    return listRoleMappings(tx, scope.directoryId);
  });
}

async function setDefaultRoleIn(tx: Tx, scope: DirectoryScope, roleKey: string | null): Promise<void> {
  const role = roleKey ? await tx.role.findFirst({ where: { hostId: scope.hostId, key: roleKey }, select: { id: true } }) : null;
  if (roleKey && !role) throw new DomainError('invalid', `defaultRoleKey: unknown role "${roleKey}"`);
  await tx.directory.update({ where: { id: scope.directoryId }, data: { defaultRoleId: role?.id ?? null } });
}

class Rollback extends Error {
  constructor(readonly changes: RoleChange[]) {
    super('preview');
  }
}

/** What a change of mappings or default role would do, computed by applying it in a transaction then rolled back. */
export async function previewRoleConfig(db: Db, scope: DirectoryScope, config: RoleConfigChange): Promise<RoleChange[]> {
  try {
    await transaction(db, async (tx) => {
      await lockRoleEditors(tx, dialect(), scope.directoryId);
      throw new Rollback(await applyRoleConfig(tx, scope, config));
    });
  } catch (e) {
    if (e instanceof Rollback) return e.changes;
    throw e;
  }
  return [];
}

/** Sets the role of users in no mapped group (null: none) and recomputes everyone's roles in the directory. */
export async function setDefaultRole(db: Db, scope: DirectoryScope, roleKey: string | null, actor = 'system'): Promise<void> {
  await configureRoles(db, scope, { defaultRoleKey: roleKey }, actor);
}
