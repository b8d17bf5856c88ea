// Event payloads: users and groups in their host-API shape, and what changed between two versions.
import type { Tx } from '../db/client';
import type { GroupRow } from '../directory/group-store';
import { groupsOfUsers, type UserRow } from '../directory/user-store';
import { toApiGroup, toApiUser } from '../host-api/serialize';
import { rolesOfGroups, rolesOfUsers } from '../roles/recompute-roles';

export type UserSnapshot = ReturnType<typeof toApiUser>;
export type GroupSnapshot = ReturnType<typeof toApiGroup>;

export async function userSnapshots(tx: Tx, directoryId: string, rows: UserRow[]): Promise<Map<string, UserSnapshot>> {
  const ids = rows.map((r) => r.id);
  const [groups, roles] = await Promise.all([groupsOfUsers(tx, { directoryId, userIds: ids }), rolesOfUsers(tx, ids)]);
  return new Map(rows.map((r) => [r.id, toApiUser(r, groups.get(r.id) ?? [], roles.get(r.id) ?? [])]));
}

export async function userSnapshot(tx: Tx, row: UserRow): Promise<UserSnapshot> {
  return (await userSnapshots(tx, row.directoryId, [row])).get(row.id)!;
}

export async function groupSnapshot(tx: Tx, row: GroupRow): Promise<GroupSnapshot> {
  const [count, roles] = await Promise.all([
    tx.groupMembership.count({ where: { groupId: row.id } }),
    rolesOfGroups(tx, [row.id]),
  ]);
  return toApiGroup(row, count, roles.get(row.id) ?? []);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The previous values of what changed, top-level, with `attributes` (the SCIM resource) compared one level down;
 * timestamps are left out. Empty when nothing a reader cares about changed.
 */
export function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'createdAt' || key === 'memberCount') continue;
    if (same(before[key], after[key])) continue;
    if (key === 'attributes') {
      const b = (before[key] ?? {}) as Record<string, unknown>;
      const a = (after[key] ?? {}) as Record<string, unknown>;
      const inner: Record<string, unknown> = {};
      for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) if (!same(b[k], a[k])) inner[k] = b[k] ?? null;
      out.attributes = inner;
    } else {
      out[key] = before[key] ?? null;
    }
  }
  return out;
}
