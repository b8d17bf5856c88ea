// What saving a set of group-to-role mappings or a default role would do, before it is saved: each added or removed
// mapping with the number of members of its group, and the users whose roles would change with their resulting
// roles. The role computation itself is the domain's (previewRoleConfig applies it in a transaction rolled back).
import { read } from '../db/database';
import { groupsByIds } from '../directory/groups/reads';
import { userViews } from '../directory/users/reads';
import { listRoleMappings, previewRoleConfig, type MappingInput, type RoleConfigChange } from '../roles/roles';

interface MappingChange {
  kind: 'added' | 'removed';
  groupId: string;
  groupName: string;
  roleKey: string;
  members: number;
}

export interface MappingPreview {
  changes: MappingChange[];
  usersChanged: number;
  /** The first users whose roles would change (capped so a 50,000-member group stays a small answer). */
  users: { id: string; userName: string; displayName: string | null; before: string[]; after: string[] }[];
}

const SAMPLE = 50;
const key = (m: MappingInput) => `${m.groupId}\u0000${m.roleKey}`;

export async function mappingPreview(
  scope: { hostId: string; organizationId: string; directoryId: string },
  config: RoleConfigChange,
): Promise<MappingPreview> {
  const draft = config.mappings;
  const current = draft ? await read(() => listRoleMappings(scope.directoryId)) : [];
  const had = new Set(current.map(key));
  const wanted = new Set((draft ?? []).map(key));
  const diff = draft
    ? [
        ...draft.filter((m) => !had.has(key(m))).map((m) => ({ ...m, kind: 'added' as const })),
        ...current.filter((m) => !wanted.has(key(m))).map((m) => ({ ...m, kind: 'removed' as const })),
      ]
    : [];
  const roleChanges = await previewRoleConfig(scope, config);
  const groupIds = [...new Set(diff.map((d) => d.groupId))];
  const sample = roleChanges.slice(0, SAMPLE);
  const { groups, users } = await read(function* (env) {
    return {
      groups: yield* groupsByIds(env, scope.directoryId, groupIds),
      users: yield* userViews(
        env,
        scope.directoryId,
        sample.map((c) => c.userId),
      ),
    };
  });
  return {
    changes: diff.map((d) => ({
      kind: d.kind,
      groupId: d.groupId,
      groupName: groups.get(d.groupId)?.displayName ?? d.groupId,
      roleKey: d.roleKey,
      members: groups.get(d.groupId)?.memberCount ?? 0,
    })),
    usersChanged: roleChanges.length,
    users: sample.map((c) => {
      const u = users.get(c.userId)?.row;
      return { id: c.userId, userName: u?.userName ?? c.userId, displayName: u ? displayNameOf(u.raw) : null, before: c.before, after: c.after };
    }),
  };
}

function displayNameOf(raw: string): string | null {
  try {
    const v = JSON.parse(raw) as { displayName?: unknown };
    return typeof v.displayName === 'string' ? v.displayName : null;
  } catch {
    return null;
  }
}
