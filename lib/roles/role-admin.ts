// Editing and deleting a host's roles (the dashboard and the host API). A role's key is what the host's code and
// the mappings refer to, so it never changes; its name and description do. Deleting a role takes it off every
// mapping and default, and every user who held it gets a directory.user.updated with their previous roles, in
// the same transaction.
import { auditSql } from '../audit/audit-log';
import { write } from '../db/database';
import { columns, decode, updateOp } from '../db/rows';
import { all, one, rowsOf, run, type SqlProgram } from '../db/sql-program';
import { clearDefaultRole } from '../directory/directories';
import { DomainError } from '../domain-error';
import { writeEventsSql } from '../events/write-events';
import { recomputeRolesSql } from './recompute-roles';
import { roleChangeEvents } from './role-events';
import { lockRolesExclusive } from './role-locks';
import type { RoleRow } from './roles';

const notFound = (key: string) => new DomainError('not_found', `No role has the key "${key}"`);

function* findRole(hostId: string, key: string): SqlProgram<RoleRow> {
  const r = yield* one(`SELECT ${columns('Role')} FROM "Role" WHERE "hostId" = ? AND "key" = ?`, [hostId, key]);
  if (!r) throw notFound(key);
  return decode('Role', r);
}

export function updateRole({
  hostId,
  actor,
  key,
  name,
  description,
}: {
  hostId: string;
  actor: string;
  key: string;
  name?: string;
  description?: string | null;
}): Promise<RoleRow> {
  return write(function* (env) {
    const role = yield* findRole(hostId, key);
    const [r] = yield* rowsOf(updateOp(env.dialect, 'Role', { name, description }, `"id" = ?`, [role.id], columns('Role')));
    yield* auditSql(env, { hostId, actor, action: 'role.updated', target: role.id, details: { key, name, description } });
    return decode('Role', r);
  });
}

/** Deletes a role; returns how many users lost it. */
export function deleteRole({ hostId, actor, key }: { hostId: string; actor: string; key: string }): Promise<number> {
  return write(function* (env) {
    const role = yield* findRole(hostId, key);
    const touched = yield* all(
      `SELECT "directoryId" AS "id" FROM "RoleMapping" WHERE "roleId" = ? UNION SELECT "directoryId" FROM "UserRole" WHERE "roleId" = ?
       UNION SELECT "id" FROM "Directory" WHERE "defaultRoleId" = ?`,
      [role.id, role.id, role.id],
    );
    const directoryIds = touched.map((r) => String(r.id)).sort();
    let affected = 0;
    for (const directoryId of directoryIds) {
      yield* lockRolesExclusive(env, directoryId);
      const dir = yield* one(`SELECT "organizationId" FROM "Directory" WHERE "id" = ?`, [directoryId]);
      const holders = yield* all(`SELECT "userId" FROM "UserRole" WHERE "roleId" = ? AND "directoryId" = ?`, [role.id, directoryId]);
      yield* run(`DELETE FROM "RoleMapping" WHERE "roleId" = ? AND "directoryId" = ?`, [role.id, directoryId]);
      yield* clearDefaultRole(env, { id: directoryId, roleId: role.id });
      const changes = yield* recomputeRolesSql(
        env,
        directoryId,
        holders.map((h) => String(h.userId)),
        undefined,
        { configChange: true },
      );
      affected += changes.length;
      const scope = { hostId, organizationId: String(dir?.organizationId), directoryId };
      yield* writeEventsSql(env, scope, yield* roleChangeEvents(env, directoryId, changes));
    }
    yield* run(`DELETE FROM "Role" WHERE "id" = ?`, [role.id]);
    yield* auditSql(env, { hostId, actor, action: 'role.deleted', target: role.id, details: { key, name: role.name, usersAffected: affected } });
    return affected;
  });
}
