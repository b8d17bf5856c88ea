// Writes to directory groups and their memberships, each one transaction (a SQL program, lib/db/sql-program.ts)
// with recomputed roles and its events. Membership changes touch only the rows they name, so adding one member to
// a 50,000-member group costs what it costs for a 10-member group.
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors';
import { runProgram } from '../db/sql-drivers';
import { together, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { StaleWrite } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { DirectoryScope, PendingEvent } from '../events/event-types';
import { groupSnapshotSql, previousAttributes, snapshotsOf, userSnapshotsSql } from '../events/snapshots';
import { writeEventsSql } from '../events/write-events';
import { recomputeRolesSql, roleConfigOf, roleConfigOp, rolesIdle, type RoleConfig } from '../roles/recompute-roles';
import { lockedRoleConfig, rolesSharedLockOps } from '../roles/role-locks';
import type { ScimObject } from '../scim/types';
import {
  findGroup,
  findGroupWithRoleConfig,
  insertGroup,
  removeGroup,
  toGroupRow,
  touchGroupWrite,
  updateGroup,
  type GroupWithRoles,
} from './group-sql';
import type { GroupRow } from './group-store';
import {
  ADD_CHUNK,
  addMembers,
  addMembersOp,
  clearMembers,
  memberIds,
  REMOVE_CHUNK,
  removeMembers,
  removeMembersOp,
  uniqueMembers,
  userIdsOf,
} from './membership-sql';
import { addUserViews, USER_VIEW_CHUNK, userViewsOp, type UserView } from './user-sql';
import type { NewMember } from './membership-store';
import { checkVersion, roleChangeEvents, type WriteOptions } from './user-service';

export interface MembershipChange {
  clear: boolean;
  add: Map<string, string | undefined>;
  remove: Set<string>;
}

type Scoped = DirectoryScope & { id: string };

function duplicateGroup(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A group with this displayName already exists in the directory');
  // Still a foreign-key violation after the reruns (runProgram): the group, or its whole directory, was deleted
  // meanwhile.
  if (isForeignKeyViolation(e)) throw new DomainError('not_found', 'The group or its directory was deleted meanwhile');
  throw e;
}

function* lockedGroup(env: SqlEnv, { directoryId, id }: Scoped, ifMatch?: number | null): SqlProgram<GroupRow> {
  const row = yield* findGroup(env, { directoryId, id, lock: true });
  if (!row) throw new DomainError('not_found', `Group ${id} not found`);
  checkVersion(row, ifMatch, 'group');
  return row;
}

/** The directory's shared role lock and role configuration, then the group's row lock (role-locks.ts: that order). */
function* lockedGroupWithRoles(env: SqlEnv, scope: Scoped, ifMatch?: number | null): SqlProgram<{ row: GroupRow; roles: RoleConfig }> {
  const roles = yield* lockedRoleConfig(env, scope.directoryId);
  return { row: yield* lockedGroup(env, scope, ifMatch), roles };
}

/** user_added / user_removed events, then role changes of everyone whose membership moved. */
function* membershipEvents(
  env: SqlEnv,
  group: GroupRow,
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
  if ((adding.length > 0) === (removing.length > 0)) return null;
  const ids = adding.length ? adding.map((m) => m.userId) : removing;
  if (ids.length > Math.min(adding.length ? ADD_CHUNK : REMOVE_CHUNK, USER_VIEW_CHUNK)) return null;
  const change = adding.length
    ? addMembersOp(env, { directoryId: scope.directoryId, groupId: scope.id }, adding)
    : removeMembersOp(scope.id, removing);
  const lock = rolesSharedLockOps(env, scope.directoryId);
  const results = yield* together([...lock, roleConfigOp(scope.directoryId), change, userViewsOp(env, scope.directoryId, ids)]);
  const [config, changed, viewRows] = results.slice(lock.length);
  const roles = roleConfigOf(config[0] ?? null);
  const moved = userIdsOf(changed);
  const views = rolesIdle(roles) ? addUserViews(new Map(), viewRows) : undefined;
  return { added: adding.length ? moved : [], removed: adding.length ? [] : moved, views, roles };
}

export async function createDirectoryGroup(scope: DirectoryScope, resource: ScimObject, members: NewMember[]): Promise<GroupRow> {
  return runProgram(function* (env) {
    const row = yield* insertGroup(env, scope.directoryId, resource);
    const added = members.length ? yield* addMembers(env, { directoryId: scope.directoryId, groupId: row.id }, members) : [];
    const events: PendingEvent[] = [{ type: 'directory.group.created', data: yield* groupSnapshotSql(row) }];
    yield* writeEventsSql(env, scope, [...events, ...(yield* membershipEvents(env, row, added, []))], { final: true });
    return row;
  }).catch(duplicateGroup);
}

export interface GroupPatchOptions extends WriteOptions {
  /**
   * The group and role configuration as read just before, outside the transaction (with the token check): a
   * membership-only change then skips its first read. null: the group was not found.
   */
  known?: GroupWithRoles | null;
}

/** PATCH: `next` computes the new resource (null when only members change); `members` applies in the same transaction. */
export async function patchDirectoryGroup(
  scope: Scoped,
  next: ((current: ScimObject) => ScimObject) | null,
  members: MembershipChange,
  opts: GroupPatchOptions = {},
): Promise<GroupRow> {
  // A second attempt (a race lost, see runProgram) reads the group afresh rather than trusting what was read before.
  let attempt = 0;
  return runProgram((env) => changeGroup(env, scope, next, members, attempt++ === 0 ? opts : { ...opts, known: undefined })).catch(duplicateGroup);
}

function* changeGroup(
  env: SqlEnv,
  scope: Scoped,
  next: ((current: ScimObject) => ScimObject) | null,
  members: MembershipChange,
  { ifMatch, known }: GroupPatchOptions,
  held?: { row: GroupRow; roles: RoleConfig },
): SqlProgram<GroupRow> {
  // Adding or removing members (Okta's and Entra's everyday PATCH) takes the group's row lock only at the end, to
  // move its version: concurrent PATCHes of one group then queue for that one statement and the commit, not for
  // the whole transaction. A resource change, If-Match or clearing all members locks the group first.
  const lockFirst = next !== null || ifMatch != null || members.clear;
  // The directory's role lock, shared, comes before the group's row lock (role-locks.ts); the role configuration
  // is read after it. Unlocked, the group comes with the configuration as it was (one round trip fewer), or was
  // read already with the token check: read committed either way, and the final statement moves the version
  // under the lock.
  // `held`: both taken by the caller already (PUT, which reads the members under them).
  const locked = held ?? (lockFirst ? yield* lockedGroupWithRoles(env, scope, ifMatch) : undefined);
  let roles = locked?.roles;
  const found = locked ?? (known !== undefined ? known : yield* findGroupWithRoleConfig(scope));
  if (!found) throw new DomainError('not_found', `Group ${scope.id} not found`);
  const { row } = found;
  const events: PendingEvent[] = [];
  let written: GroupRow = row;
  const resource = next ? next(JSON.parse(row.raw) as ScimObject) : null;
  if (resource && JSON.stringify(resource) !== row.raw) {
    const before = yield* groupSnapshotSql(row);
    const updated = yield* updateGroup(env, { directoryId: scope.directoryId, id: scope.id, version: row.version }, resource);
    if (!updated) throw new StaleWrite();
    written = updated;
    const after = yield* groupSnapshotSql(updated);
    events.push({ type: 'directory.group.updated', data: after, previousAttributes: previousAttributes(before, after) });
  }
  const quick = lockFirst ? null : yield* changeWithViews(env, scope, members, found.roles);
  roles = quick ? quick.roles : (roles ?? (yield* lockedRoleConfig(env, scope.directoryId)));
  const removed = quick ? quick.removed : members.clear ? yield* clearMembers(scope.id) : [];
  if (!quick && members.remove.size) removed.push(...(yield* removeMembers(scope.id, [...members.remove])));
  const list = [...members.add].map(([userId, display]) => ({ userId, display }));
  const added = quick ? quick.added : list.length ? yield* addMembers(env, { directoryId: scope.directoryId, groupId: scope.id }, list) : [];
  // A member cleared and re-added in one request never left.
  const removedSet = new Set(removed);
  const readded = new Set(added.filter((u) => removedSet.has(u)));
  const netAdded = added.filter((u) => !readded.has(u));
  const netRemoved = removed.filter((u) => !readded.has(u));
  events.push(...(yield* membershipEvents(env, written, netAdded, netRemoved, roles, quick?.views)));
  // Members moved but the resource didn't: the version still moves, in the events' statement (see LeadWrite).
  const touch = written === row && (netAdded.length > 0 || netRemoved.length > 0);
  const touched = yield* writeEventsSql(env, scope, events, { lead: touch ? touchGroupWrite(env, scope.id) : undefined, final: true });
  if (touch) {
    if (!touched) throw new DomainError('not_found', `Group ${scope.id} not found`);
    written = toGroupRow(touched);
  }
  return written;
}

/** PUT: replaces the resource and sets the membership to exactly `members`. */
export async function replaceDirectoryGroup(scope: Scoped, resource: ScimObject, members: NewMember[], opts: WriteOptions = {}): Promise<GroupRow> {
  return runProgram(function* (env) {
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

export async function deleteDirectoryGroup(scope: Scoped, { ifMatch }: WriteOptions = {}): Promise<void> {
  await runProgram(function* (env) {
    const { row, roles } = yield* lockedGroupWithRoles(env, scope, ifMatch);
    const last = yield* groupSnapshotSql(row);
    const members = yield* memberIds(scope.id);
    if (!(yield* removeGroup(scope))) throw new DomainError('not_found', `Group ${scope.id} not found`);
    const roleChanges = yield* recomputeRolesSql(env, scope.directoryId, members, roles);
    yield* writeEventsSql(env, scope, [{ type: 'directory.group.deleted', data: last }, ...(yield* roleChangeEvents(env, scope.directoryId, roleChanges))], {
      final: true,
    });
  });
}
