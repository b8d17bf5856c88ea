// One change of a group, shared by PATCH and PUT (./writes.ts): its resource, its members, recomputed roles of
// everyone whose membership moved, and the events, in one transaction.
import { columns, sql, updateOp } from '../../db/rows';
import type { DirectoryGroupRow } from '../../db/schema';
import { rowsOf, together, type SqlEnv, type SqlProgram } from '../../db/sql-program';
import { StaleWrite } from '../../db/transaction';
import { DomainError } from '../../domain-error';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { groupSnapshotSql, previousAttributes, snapshotsOf, userSnapshotsSql } from '../../events/snapshots';
import { writeEventsSql, type LeadWrite } from '../../events/write-events';
import { recomputeRolesSql, roleConfigOf, roleConfigOp, rolesIdle, type RoleConfig } from '../../roles/recompute-roles';
import { roleChangeEvents } from '../../roles/role-events';
import { lockedRoleConfig, rolesSharedLockOps } from '../../roles/role-locks';
import type { ScimObject } from '../../scim/types';
import { ADD_CHUNK, addMembers, addMembersOp, clearMembers, REMOVE_CHUNK, removeMembers, removeMembersOp, uniqueMembers, userIdsOf } from '../memberships';
import { USER_VIEW_CHUNK, userViewsOp, viewsOf, type UserView } from '../users/reads';
import { checkVersion, type WriteOptions } from '../write-options';
import { groupColumns } from './columns';
import { groupSelectedOp, groupVisible, memberVisible, visibilityOf, type GroupVisibility } from './selection';
import { findGroup, findGroupWithRoleConfig, groupOf, type GroupWithRoles } from './reads';

export interface MembershipChange {
  clear: boolean;
  add: Map<string, string | undefined>;
  remove: Set<string>;
}

export interface GroupPatchOptions extends WriteOptions {
  /**
   * The group and role configuration as read just before, outside the transaction (with the token check): a
   * membership-only change then skips its first read. null: the group was not found.
   */
  known?: GroupWithRoles | null;
}

type Scoped = DirectoryScope & { id: string };

const RETURNING = columns('DirectoryGroup');

/** Writes a new version of the group if it is still at `version`. */
function* updateGroup(
  env: SqlEnv,
  { directoryId, id, version }: { directoryId: string; id: string; version: number },
  resource: ScimObject,
): SqlProgram<DirectoryGroupRow> {
  const [r] = yield* rowsOf(
    updateOp(
      env.dialect,
      'DirectoryGroup',
      { ...groupColumns(resource), version: sql('"version" + 1') },
      '"id" = ? AND "directoryId" = ? AND "version" = ?',
      [id, directoryId, version],
      RETURNING,
    ),
  );
  if (!r) throw new StaleWrite();
  return groupOf(r);
}

/**
 * A membership-only change still moves the group's version (its ETag) and lastModified, and its member count by
 * `delta` (the rows added less those removed): the statement, to lead the events (write-events.ts). The count's `?`
 * comes before the WHERE's, as its parameter does.
 */
function touchGroupWrite(env: SqlEnv, id: string, delta: number): LeadWrite {
  const op = updateOp(
    env.dialect,
    'DirectoryGroup',
    { version: sql('"version" + 1'), memberCount: sql('"memberCount" + ?') },
    '"id" = ?',
    [delta, id],
    RETURNING,
  );
  return { sql: op.sql, params: op.params };
}

/** The member count moved by `delta` alone (members moved in a change that also wrote the resource). */
function* countMembersMoved(env: SqlEnv, id: string, delta: number): SqlProgram<DirectoryGroupRow> {
  const [r] = yield* rowsOf(updateOp(env.dialect, 'DirectoryGroup', { memberCount: sql('"memberCount" + ?') }, '"id" = ?', [delta, id], RETURNING, true));
  if (!r) throw new DomainError('not_found', `Group ${id} not found`);
  return groupOf(r);
}

/** The directory's shared role lock and role configuration, then the group's row lock (role-locks.ts: that order). */
export function* lockedGroupWithRoles(env: SqlEnv, scope: Scoped, ifMatch?: number | null): SqlProgram<{ row: DirectoryGroupRow; roles: RoleConfig }> {
  const roles = yield* lockedRoleConfig(env, scope.directoryId);
  const row = yield* findGroup(env, { directoryId: scope.directoryId, id: scope.id, lock: true });
  if (!row) throw new DomainError('not_found', `Group ${scope.id} not found`);
  checkVersion(row, ifMatch, 'group');
  return { row, roles };
}

/** user_added / user_removed events, then role changes of everyone whose membership moved. */
export function* membershipEvents(
  env: SqlEnv,
  group: DirectoryGroupRow,
  added: string[],
  removed: string[],
  roles?: RoleConfig,
  views?: Map<string, UserView>,
): SqlProgram<PendingEvent[]> {
  const ref = { id: group.id, displayName: group.displayName };
  const moved = [...added, ...removed];
  if (moved.length === 0) return [];
  const roleChanges = yield* recomputeRolesSql(env, group.directoryId, moved, roles);
  const snaps = views ? snapshotsOf(views) : yield* userSnapshotsSql(env, group.directoryId, moved);
  const events: PendingEvent[] = [];
  for (const u of added) if (snaps.has(u)) events.push({ type: 'directory.group.user_added', data: { group: ref, user: snaps.get(u) } });
  for (const u of removed) events.push({ type: 'directory.group.user_removed', data: { group: ref, user: snaps.get(u) ?? { id: u } } });
  return [...events, ...(yield* roleChangeEvents(env, group.directoryId, roleChanges))];
}

interface MovedWithViews {
  added: string[];
  removed: string[];
  /** The users' views for the events; none when roles are to be recomputed (the views would show the old ones). */
  views?: Map<string, UserView>;
  /** The role configuration, read under the directory's shared role lock. */
  roles: RoleConfig;
  /** What the host sees of the group, read under the same lock. */
  visibility: GroupVisibility;
}

/**
 * An add-only or remove-only change of one statement's worth of members — Okta's and Entra's everyday PATCH — in
 * one round trip on PostgreSQL: the directory's shared role lock, its role configuration, the change, and the
 * users' views (for the events), pipelined, each statement seeing the ones before it. Only when the configuration
 * read before the transaction (`seen`) has no roles, so nothing is likely to be recomputed in between; otherwise
 * null, and the change goes statement by statement.
 */
function* changeWithViews(env: SqlEnv, scope: Scoped, members: MembershipChange, seen?: RoleConfig): SqlProgram<MovedWithViews | null> {
  if (!seen || !rolesIdle(seen) || members.clear) return null;
  const adding = uniqueMembers([...members.add].map(([userId, display]) => ({ userId, display })));
  const removing = [...members.remove];
  if (adding.length > 0 === removing.length > 0) return null;
  const ids = adding.length ? adding.map((m) => m.userId) : removing;
  if (ids.length > Math.min(adding.length ? ADD_CHUNK : REMOVE_CHUNK, USER_VIEW_CHUNK)) return null;
  const change = adding.length ? addMembersOp(env, { directoryId: scope.directoryId, groupId: scope.id }, adding) : removeMembersOp(env, scope.id, removing);
  const lock = rolesSharedLockOps(env, scope.directoryId);
  const results = yield* together([...lock, roleConfigOp(scope.directoryId), groupSelectedOp(scope.id), change, userViewsOp(env, scope.directoryId, ids)]);
  const [config, selected, changed, viewRows] = results.slice(lock.length);
  const roles = roleConfigOf(config[0] ?? null);
  const moved = userIdsOf(changed);
  const views = rolesIdle(roles) ? viewsOf(viewRows) : undefined;
  return { added: adding.length ? moved : [], removed: adding.length ? [] : moved, views, roles, visibility: visibilityOf(selected) };
}

export function* changeGroup(
  env: SqlEnv,
  scope: Scoped,
  next: ((current: ScimObject) => ScimObject) | null,
  members: MembershipChange,
  { ifMatch, known }: GroupPatchOptions,
  held?: { row: DirectoryGroupRow; roles: RoleConfig },
): SqlProgram<DirectoryGroupRow> {
  // Adding or removing members (Okta's and Entra's everyday PATCH) takes the group's row lock only at the end, to
  // move its version: concurrent PATCHes of one group then queue for that one statement and the commit, not for
  // the whole transaction. A resource change, If-Match or clearing all members locks the group first.
  const lockFirst = next !== null || ifMatch != null || members.clear;
  // The directory's role lock, shared, comes before the group's row lock (role-locks.ts); the role configuration
  // is read after it. Unlocked, the group comes with the configuration as it was (one round trip fewer), or was
  // read already with the token check: read committed either way, and the final statement moves the version
  // under the lock. `held`: both taken by the caller already (PUT, which reads the members under them).
  const locked = held ?? (lockFirst ? yield* lockedGroupWithRoles(env, scope, ifMatch) : undefined);
  let roles = locked?.roles;
  const found = locked ?? (known !== undefined ? known : yield* findGroupWithRoleConfig(scope));
  if (!found) throw new DomainError('not_found', `Group ${scope.id} not found`);
  const { row } = found;
  const events: PendingEvent[] = [];
  let written: DirectoryGroupRow = row;
  const resource = next ? next(JSON.parse(row.raw) as ScimObject) : null;
  if (resource && JSON.stringify(resource) !== row.raw) {
    const before = yield* groupSnapshotSql(env, row);
    written = yield* updateGroup(env, { directoryId: scope.directoryId, id: scope.id, version: row.version }, resource);
    const after = yield* groupSnapshotSql(env, written);
    events.push({ type: 'directory.group.updated', data: after, previousAttributes: previousAttributes(before, after) });
  }
  const quick = lockFirst ? null : yield* changeWithViews(env, scope, members, found.roles);
  roles = quick ? quick.roles : (roles ?? (yield* lockedRoleConfig(env, scope.directoryId)));
  // Read after the role lock, which a selection change takes exclusively (the row read before it may be older).
  const visibility = quick ? quick.visibility : locked ? row : visibilityOf(yield* rowsOf(groupSelectedOp(scope.id)));
  const removed = quick ? quick.removed : members.clear ? yield* clearMembers(scope.id) : [];
  if (!quick && members.remove.size) removed.push(...(yield* removeMembers(env, scope.id, [...members.remove])));
  const list = [...members.add].map(([userId, display]) => ({ userId, display }));
  const added = quick ? quick.added : list.length ? yield* addMembers(env, { directoryId: scope.directoryId, groupId: scope.id }, list) : [];
  // A member cleared and re-added in one request never left.
  const removedSet = new Set(removed);
  const readded = new Set(added.filter((u) => removedSet.has(u)));
  const netAdded = added.filter((u) => !readded.has(u));
  const netRemoved = removed.filter((u) => !readded.has(u));
  // An unselected group's changes are the IdP's business only: no events, and no roles move (recompute-roles.ts);
  // while a selection job moves the group, only the memberships on the host's side of its cursor.
  const seen = (u: string) => memberVisible(visibility, u);
  if (!groupVisible(visibility)) events.length = 0;
  else events.push(...(yield* membershipEvents(env, written, netAdded.filter(seen), netRemoved.filter(seen), roles, quick?.views)));
  // Members moved but the resource didn't: the version still moves, in the events' statement (see LeadWrite), and
  // the member count with it; with the resource, the count moves on its own.
  const delta = added.length - removed.length;
  const touch = written === row && (netAdded.length > 0 || netRemoved.length > 0);
  if (!touch && delta !== 0) written = yield* countMembersMoved(env, scope.id, delta);
  const touched = yield* writeEventsSql(env, scope, events, { lead: touch ? touchGroupWrite(env, scope.id, delta) : undefined, final: true });
  if (touch) {
    if (!touched) throw new DomainError('not_found', `Group ${scope.id} not found`);
    written = groupOf(touched);
  }
  return written;
}
