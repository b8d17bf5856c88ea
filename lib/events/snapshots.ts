// Event payloads: users and groups in their host-API shape, and what changed between two versions. SQL programs.
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import type { DirectoryGroupRow as GroupRow } from '../directory/groups/reads';
import { userViews, type UserView } from '../directory/users/reads';
import { toApiGroup, toApiUser } from '../host-api/serialize';
import { roleKeysOfGroups } from '../roles/recompute-roles';

export type UserSnapshot = ReturnType<typeof toApiUser>;
export type GroupSnapshot = ReturnType<typeof toApiGroup>;

/** Users in their host-API shape (groups and roles included), one query per 500 ids. */
export function* userSnapshotsSql(env: SqlEnv, directoryId: string, ids: string[]): SqlProgram<Map<string, UserSnapshot>> {
  return snapshotsOf(yield* userViews(env, directoryId, ids));
}

export const snapshotsOf = (views: Map<string, UserView>): Map<string, UserSnapshot> =>
  new Map([...views].map(([id, v]) => [id, toApiUser(v.row, v.groups, v.roles)]));

/** A group in its host-API shape; `row` as read or written in the same transaction (its memberCount with it). */
export function* groupSnapshotSql(env: SqlEnv, row: GroupRow): SqlProgram<GroupSnapshot> {
  const roles = yield* roleKeysOfGroups(env, [row.id]);
  return toApiGroup(row, roles.get(row.id) ?? []);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The previous values of what changed, top-level, with `attributes` (the SCIM resource) and `customAttributes` (the
 * mapped values) compared one level down; timestamps are left out. Empty when nothing a reader cares about changed.
 */
export function previousAttributes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'createdAt' || key === 'memberCount') continue;
    if (same(before[key], after[key])) continue;
    if (key === 'attributes' || key === 'customAttributes') {
      const b = (before[key] ?? {}) as Record<string, unknown>;
      const a = (after[key] ?? {}) as Record<string, unknown>;
      const inner: Record<string, unknown> = {};
      for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) if (!same(b[k], a[k])) inner[k] = b[k] ?? null;
      out[key] = inner;
    } else {
      out[key] = before[key] ?? null;
    }
  }
  return out;
}
