// Editing and deleting a host's roles (the dashboard and the host API). A role's key is what the host's code and
// the mappings refer to, so it never changes; its name and description do. Deleting a role takes it off every
// mapping and default, and every user who held it gets a directory.user.updated with their previous roles, in
// the same transaction.
import { audit } from '../audit/audit-log';
import { dialect, type Db } from '../db/client';
import { runProgramInTx } from '../db/sql-drivers';
import { transaction } from '../db/transaction';
import { roleChangeEvents } from '../directory/user-service';
import { DomainError } from '../domain-error';
import { writeEvents } from '../events/write-events';
import { recomputeRolesExclusive } from './recompute-roles';
import { lockRolesExclusive } from './role-locks';
import { createRole, type RoleRow } from './roles';

const notFound = (key: string) => new DomainError('not_found', `No role has the key "${key}"`);

/** Creates a role and its audit row in one transaction (the dashboard and the host API). */
export function addRole(db: Db, { hostId, actor, input }: { hostId: string; actor: string; input: { key: string; name: string; description?: string | null } }): Promise<RoleRow> {
  return transaction(db, (tx) => createRole(tx, hostId, input, actor));
}

export function updateRole(
  db: Db,
  { hostId, actor, key, name, description }: { hostId: string; actor: string; key: string; name?: string; description?: string | null },
): Promise<RoleRow> {
  return transaction(db, async (tx) => {
    const role = await tx.role.findFirst({ where: { hostId, key } });
    if (!role) throw notFound(key);
    const row = await tx.role.update({ where: { id: role.id }, data: { ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}) } });
    await audit(tx, { hostId, actor, action: 'role.updated', target: role.id, details: { key, name, description } });
    return row;
  });
}

/** Deletes a role; returns how many users lost it. */
export function deleteRole(db: Db, { hostId, actor, key }: { hostId: string; actor: string; key: string }): Promise<number> {
  return transaction(db, async (tx) => {
    const role = await tx.role.findFirst({ where: { hostId, key } });
    if (!role) throw notFound(key);
    const [mapped, held, defaults] = await Promise.all([
      tx.roleMapping.findMany({ where: { roleId: role.id }, select: { directoryId: true } }),
      tx.userRole.findMany({ where: { roleId: role.id }, select: { directoryId: true } }),
      tx.directory.findMany({ where: { defaultRoleId: role.id }, select: { id: true } }),
    ]);
    const directoryIds = [...new Set([...mapped, ...held].map((r) => r.directoryId).concat(defaults.map((d) => d.id)))].sort();
    let affected = 0;
    for (const directoryId of directoryIds) {
      await lockRolesExclusive(tx, dialect(), directoryId);
      const dir = await tx.directory.findUniqueOrThrow({ where: { id: directoryId }, select: { organizationId: true } });
      const holders = await tx.userRole.findMany({ where: { roleId: role.id, directoryId }, select: { userId: true } });
      await tx.roleMapping.deleteMany({ where: { roleId: role.id, directoryId } });
      await tx.directory.updateMany({ where: { id: directoryId, defaultRoleId: role.id }, data: { defaultRoleId: null } });
      const changes = await recomputeRolesExclusive(tx, directoryId, holders.map((h) => h.userId));
      affected += changes.length;
      const scope = { hostId, organizationId: dir.organizationId, directoryId };
      await writeEvents(tx, scope, await runProgramInTx(tx, (env) => roleChangeEvents(env, directoryId, changes)));
    }
    await tx.role.delete({ where: { id: role.id } });
    await audit(tx, { hostId, actor, action: 'role.deleted', target: role.id, details: { key, name: role.name, usersAffected: affected } });
    return affected;
  });
}
