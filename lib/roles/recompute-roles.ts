// A user's roles are the union of the roles mapped to the groups they belong to, or the directory's default role
// when that union is empty. They are stored (UserRole) and recomputed inside the transaction of every change that
// can move them, so no reader ever sees stale roles.
import type { Tx } from '../db/client';

export interface RoleChange {
  userId: string;
  before: string[];
  after: string[];
}

const CHUNK = 500;

export async function recomputeRoles(tx: Tx, directoryId: string, userIds: string[]): Promise<RoleChange[]> {
  if (userIds.length === 0) return [];
  const directory = await tx.directory.findUnique({
    where: { id: directoryId },
    select: { defaultRoleId: true, roleMappings: { take: 1, select: { groupId: true } } },
  });
  // No mappings and no default role: everyone's roles are empty, and stay so (removing the last mapping or the
  // default already recomputed everyone). Most directories are like this, so most writes skip the rest.
  if (!directory?.defaultRoleId && !directory?.roleMappings.length) return [];
  const changes: RoleChange[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const chunk = userIds.slice(i, i + CHUNK);
    const memberships = await tx.groupMembership.findMany({
      where: { userId: { in: chunk }, group: { directoryId, roleMappings: { some: {} } } },
      select: { userId: true, group: { select: { roleMappings: { select: { roleId: true } } } } },
    });
    const wanted = new Map<string, Set<string>>(chunk.map((u) => [u, new Set<string>()]));
    for (const m of memberships) for (const r of m.group.roleMappings) wanted.get(m.userId)?.add(r.roleId);
    if (directory?.defaultRoleId) {
      for (const set of wanted.values()) if (set.size === 0) set.add(directory.defaultRoleId);
    }
    const current = await tx.userRole.findMany({ where: { userId: { in: chunk } }, select: { userId: true, roleId: true } });
    const have = new Map<string, Set<string>>(chunk.map((u) => [u, new Set<string>()]));
    for (const r of current) have.get(r.userId)?.add(r.roleId);

    const removals: { userId: string; roleId: string }[] = [];
    const additions: { userId: string; roleId: string; directoryId: string }[] = [];
    const touched: string[] = [];
    for (const userId of chunk) {
      const w = wanted.get(userId)!;
      const h = have.get(userId)!;
      let changed = false;
      for (const roleId of h) if (!w.has(roleId)) (removals.push({ userId, roleId }), (changed = true));
      for (const roleId of w) if (!h.has(roleId)) (additions.push({ userId, roleId, directoryId }), (changed = true));
      if (changed) touched.push(userId);
    }
    for (const r of removals) await tx.userRole.deleteMany({ where: r });
    if (additions.length) await tx.userRole.createMany({ data: additions });
    if (touched.length === 0) continue;
    const roleIds = [...new Set([...current.map((r) => r.roleId), ...additions.map((a) => a.roleId)])];
    const keys = new Map((await tx.role.findMany({ where: { id: { in: roleIds } }, select: { id: true, key: true } })).map((r) => [r.id, r.key]));
    const keyList = (ids: Iterable<string>) => [...ids].map((id) => keys.get(id) ?? id).sort();
    for (const userId of touched) changes.push({ userId, before: keyList(have.get(userId)!), after: keyList(wanted.get(userId)!) });
  }
  return changes;
}

/** Role keys of each user, for serialisation; one query for a page of users. */
export async function rolesOfUsers(db: Tx, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (userIds.length === 0) return out;
  const rows = await db.userRole.findMany({ where: { userId: { in: userIds } }, select: { userId: true, role: { select: { key: true } } } });
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.role.key].sort());
  return out;
}

/** Role keys mapped to each group. */
export async function rolesOfGroups(db: Tx, groupIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (groupIds.length === 0) return out;
  const rows = await db.roleMapping.findMany({ where: { groupId: { in: groupIds } }, select: { groupId: true, role: { select: { key: true } } } });
  for (const r of rows) out.set(r.groupId, [...(out.get(r.groupId) ?? []), r.role.key].sort());
  return out;
}
