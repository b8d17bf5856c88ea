// The one writer of DirectoryGroup and, with ../memberships.ts, of GroupMembership, whoever calls it. Each change is
// one transaction with recomputed roles and its events; membership changes touch only the rows they name, so adding
// one member to a 50,000-member group costs what it costs for a 10-member group.
import { write } from '../../db/database';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors';
import { columns, insertOp, updateOp } from '../../db/rows';
import type { DirectoryGroupRow } from '../../db/schema';
import { rowsOf, run, together } from '../../db/sql-program';
import { DomainError } from '../../domain-error';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { groupSnapshotSql } from '../../events/snapshots';
import { writeEventsSql } from '../../events/write-events';
import { newId } from '../../ids';
import { recomputeRolesSql } from '../../roles/recompute-roles';
import { roleChangeEvents } from '../../roles/role-events';
import { rolesSharedLockOps } from '../../roles/role-locks';
import type { ScimObject } from '../../scim/types';
import { groupSelectionOp, selectionModeOf } from '../directories';
import { addMembers, memberIds, type NewMember } from '../memberships';
import type { WriteOptions } from '../write-options';
import { changeGroup, lockedGroupWithRoles, membershipEvents, type GroupPatchOptions, type MembershipChange } from './change';
import { groupColumns } from './columns';
import { groupOf } from './reads';
import { groupVisible } from './selection';

export type { GroupPatchOptions, MembershipChange } from './change';

const RETURNING = columns('DirectoryGroup');

type Scoped = DirectoryScope & { id: string };

function duplicateGroup(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A group with this displayName already exists in the directory');
  // Still a foreign-key violation after the reruns (database.ts): the group, or its whole directory, was deleted
  // meanwhile.
  if (isForeignKeyViolation(e)) throw new DomainError('not_found', 'The group or its directory was deleted meanwhile');
  throw e;
}

export function createDirectoryGroup(scope: DirectoryScope, resource: ScimObject, members: NewMember[]): Promise<DirectoryGroupRow> {
  return write(function* (env) {
    // The selection mode read after the directory's shared role lock, which a selection change takes exclusively:
    // a group created meanwhile is selected or not by the mode that change leaves.
    const lock = rolesSharedLockOps(env, scope.directoryId);
    const mode = selectionModeOf((yield* together([...lock, groupSelectionOp(scope.directoryId)]))[lock.length]);
    const cols = { id: newId('grp'), directoryId: scope.directoryId, ...groupColumns(resource), selected: mode === 'all', syncCursor: null };
    const inserted = groupOf((yield* rowsOf(insertOp(env.dialect, 'DirectoryGroup', [cols], { returning: RETURNING })))[0]);
    const added = members.length ? yield* addMembers(env, { directoryId: scope.directoryId, groupId: inserted.id }, members) : [];
    const row = added.length
      ? groupOf((yield* rowsOf(updateOp(env.dialect, 'DirectoryGroup', { memberCount: added.length }, '"id" = ?', [inserted.id], RETURNING, true)))[0])
      : inserted;
    // An unselected group is the IdP's business only: no events, and its mappings give no roles.
    if (!row.selected) return row;
    const events: PendingEvent[] = [{ type: 'directory.group.created', data: yield* groupSnapshotSql(env, row) }];
    yield* writeEventsSql(env, scope, [...events, ...(yield* membershipEvents(env, row, added, []))], { final: true });
    return row;
  }).catch(duplicateGroup);
}

/** PATCH: `next` computes the new resource (null when only members change); `members` applies in the same transaction. */
export function patchDirectoryGroup(
  scope: Scoped,
  next: ((current: ScimObject) => ScimObject) | null,
  members: MembershipChange,
  opts: GroupPatchOptions = {},
): Promise<DirectoryGroupRow> {
  // A second attempt (a race lost, see database.ts) reads the group afresh rather than trusting what was read before.
  let attempt = 0;
  return write((env) => changeGroup(env, scope, next, members, attempt++ === 0 ? opts : { ...opts, known: undefined })).catch(duplicateGroup);
}

/** PUT: replaces the resource and sets the membership to exactly `members`. */
export function replaceDirectoryGroup(scope: Scoped, resource: ScimObject, members: NewMember[], opts: WriteOptions = {}): Promise<DirectoryGroupRow> {
  return write(function* (env) {
    // Both locks before the members are read: a concurrent PUT or PATCH of this group then finishes first, and the
    // change below replaces what it left.
    const held = yield* lockedGroupWithRoles(env, scope, opts.ifMatch);
    const wanted = new Set(members.map((m) => m.userId));
    const current = yield* memberIds(scope.id);
    const have = new Set(current);
    const change: MembershipChange = {
      clear: false,
      remove: new Set(current.filter((u) => !wanted.has(u))),
      add: new Map(members.filter((m) => !have.has(m.userId)).map((m) => [m.userId, m.display ?? undefined])),
    };
    return yield* changeGroup(env, scope, () => resource, change, opts, held);
  }).catch(duplicateGroup);
}

/** Deletes the group; returns whether the host saw it (selected). */
export function deleteDirectoryGroup(scope: Scoped, { ifMatch }: WriteOptions = {}): Promise<boolean> {
  return write(function* (env) {
    const { row, roles } = yield* lockedGroupWithRoles(env, scope, ifMatch);
    const last = yield* groupSnapshotSql(env, row);
    const members = yield* memberIds(scope.id);
    if (!(yield* run(`DELETE FROM "DirectoryGroup" WHERE "id" = ? AND "directoryId" = ?`, [scope.id, scope.directoryId]))) {
      throw new DomainError('not_found', `Group ${scope.id} not found`);
    }
    if (!groupVisible(row)) return false;
    const roleChanges = yield* recomputeRolesSql(env, scope.directoryId, members, roles);
    const events: PendingEvent[] = [{ type: 'directory.group.deleted', data: last }, ...(yield* roleChangeEvents(env, scope.directoryId, roleChanges))];
    yield* writeEventsSql(env, scope, events, { final: true });
    return true;
  });
}
