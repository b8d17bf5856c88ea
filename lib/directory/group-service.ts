// Writes to directory groups and their memberships, each one transaction with recomputed roles and its events.
// Membership changes touch only the rows they name, so adding one member to a 50,000-member group costs what it
// costs for a 10-member group.
import type { Db, Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { lockRow } from '../db/row-lock';
import { StaleWrite, transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { DirectoryScope, PendingEvent } from '../events/event-types';
import { groupSnapshot, previousAttributes, userSnapshots } from '../events/snapshots';
import { writeEvents } from '../events/write-events';
import { recomputeRoles } from '../roles/recompute-roles';
import type { ScimObject } from '../scim/types';
import { findGroup, insertGroup, removeGroup, touchGroup, updateGroup, type GroupRow } from './group-store';
import { addMembers, clearMembers, listMembers, removeMembers, type NewMember } from './membership-store';
import { checkVersion, roleChangeEvents, type WriteOptions } from './user-service';

export interface MembershipChange {
  clear: boolean;
  add: Map<string, string | undefined>;
  remove: Set<string>;
}

type Scoped = DirectoryScope & { id: string };

function duplicateGroup(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A group with this displayName already exists in the directory');
  throw e;
}

async function lockedGroup(tx: Tx, { directoryId, id }: Scoped, ifMatch?: number | null): Promise<GroupRow> {
  await lockRow(tx, 'group', id);
  const row = await findGroup(tx, { directoryId, id });
  if (!row) throw new DomainError('not_found', `Group ${id} not found`);
  checkVersion(row, ifMatch, 'group');
  return row;
}

/** user_added / user_removed events, then role changes of everyone whose membership moved. */
async function membershipEvents(tx: Tx, group: GroupRow, added: string[], removed: string[]): Promise<PendingEvent[]> {
  const ref = { id: group.id, displayName: group.displayName };
  const moved = [...added, ...removed];
  if (moved.length === 0) return [];
  const roleChanges = await recomputeRoles(tx, group.directoryId, moved);
  const rows = await tx.directoryUser.findMany({ where: { directoryId: group.directoryId, id: { in: moved } } });
  const snaps = await userSnapshots(tx, group.directoryId, rows);
  const events: PendingEvent[] = [];
  for (const u of added) if (snaps.has(u)) events.push({ type: 'directory.group.user_added', data: { group: ref, user: snaps.get(u) } });
  for (const u of removed) events.push({ type: 'directory.group.user_removed', data: { group: ref, user: snaps.get(u) ?? { id: u } } });
  return [...events, ...(await roleChangeEvents(tx, group.directoryId, roleChanges))];
}

export async function createDirectoryGroup(db: Db, scope: DirectoryScope, resource: ScimObject, members: NewMember[]): Promise<GroupRow> {
  return transaction(db, async (tx) => {
    const row = await insertGroup(tx, scope.directoryId, resource);
    const added = members.length ? await addMembers(tx, { directoryId: scope.directoryId, groupId: row.id }, members) : [];
    const events: PendingEvent[] = [{ type: 'directory.group.created', data: await groupSnapshot(tx, row) }];
    await writeEvents(tx, scope, [...events, ...(await membershipEvents(tx, row, added, []))]);
    return row;
  }).catch(duplicateGroup);
}

/** PATCH: `next` computes the new resource (null when only members change); `members` applies in the same transaction. */
export async function patchDirectoryGroup(
  db: Db,
  scope: Scoped,
  next: ((current: ScimObject) => ScimObject) | null,
  members: MembershipChange,
  opts: WriteOptions = {},
): Promise<GroupRow> {
  return transaction(db, (tx) => changeGroup(tx, scope, next, members, opts)).catch(duplicateGroup);
}

async function changeGroup(
  tx: Tx,
  scope: Scoped,
  next: ((current: ScimObject) => ScimObject) | null,
  members: MembershipChange,
  { ifMatch }: WriteOptions,
): Promise<GroupRow> {
  const row = await lockedGroup(tx, scope, ifMatch);
  const events: PendingEvent[] = [];
  let written: GroupRow = row;
  const resource = next ? next(JSON.parse(row.raw) as ScimObject) : null;
  if (resource && JSON.stringify(resource) !== row.raw) {
    const before = await groupSnapshot(tx, row);
    const updated = await updateGroup(tx, { directoryId: scope.directoryId, id: scope.id, version: row.version }, resource);
    if (!updated) throw new StaleWrite();
    written = updated;
    const after = await groupSnapshot(tx, updated);
    events.push({ type: 'directory.group.updated', data: after, previousAttributes: previousAttributes(before, after) });
  }
  const removed = members.clear ? await clearMembers(tx, { groupId: scope.id }) : [];
  if (members.remove.size) removed.push(...(await removeMembers(tx, { groupId: scope.id }, [...members.remove])));
  const list = [...members.add].map(([userId, display]) => ({ userId, display }));
  const added = list.length ? await addMembers(tx, { directoryId: scope.directoryId, groupId: scope.id }, list) : [];
  // A member cleared and re-added in one request never left.
  const removedSet = new Set(removed);
  const readded = new Set(added.filter((u) => removedSet.has(u)));
  const netAdded = added.filter((u) => !readded.has(u));
  const netRemoved = removed.filter((u) => !readded.has(u));
  if (written === row && (netAdded.length || netRemoved.length)) written = await touchGroup(tx, { id: scope.id });
  events.push(...(await membershipEvents(tx, written, netAdded, netRemoved)));
  await writeEvents(tx, scope, events);
  return written;
}

/** PUT: replaces the resource and sets the membership to exactly `members`. */
export async function replaceDirectoryGroup(
  db: Db,
  scope: Scoped,
  resource: ScimObject,
  members: NewMember[],
  opts: WriteOptions = {},
): Promise<GroupRow> {
  return transaction(db, async (tx) => {
    const wanted = new Set(members.map((m) => m.userId));
    const current = (await listMembers(tx, { groupId: scope.id })).map((m) => m.userId);
    const have = new Set(current);
    const change: MembershipChange = {
      clear: false,
      remove: new Set(current.filter((u) => !wanted.has(u))),
      add: new Map(members.filter((m) => !have.has(m.userId)).map((m) => [m.userId, m.display ?? undefined])),
    };
    return changeGroup(tx, scope, () => resource, change, opts);
  }).catch(duplicateGroup);
}

export async function deleteDirectoryGroup(db: Db, scope: Scoped, { ifMatch }: WriteOptions = {}): Promise<void> {
  await transaction(db, async (tx) => {
    const row = await lockedGroup(tx, scope, ifMatch);
    const last = await groupSnapshot(tx, row);
    const members = (await listMembers(tx, { groupId: scope.id })).map((m) => m.userId);
    if (!(await removeGroup(tx, scope))) throw new DomainError('not_found', `Group ${scope.id} not found`);
    const roleChanges = await recomputeRoles(tx, scope.directoryId, members);
    await writeEvents(tx, scope, [{ type: 'directory.group.deleted', data: last }, ...(await roleChangeEvents(tx, scope.directoryId, roleChanges))]);
  });
}
