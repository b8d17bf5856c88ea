// Writes to directory groups and their memberships, each one transaction. Membership changes touch only the rows
// they name, so adding one member to a 50,000-member group costs what it costs for a 10-member group.
import type { Db, Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { lockRow } from '../db/row-lock';
import { StaleWrite, transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { ScimObject } from '../scim/types';
import { findGroup, insertGroup, removeGroup, touchGroup, updateGroup, type GroupRow } from './group-store';
import { addMembers, clearMembers, listMembers, removeMembers, type NewMember } from './membership-store';
import type { WriteOptions } from './user-service';

export interface MembershipChange {
  clear: boolean;
  add: Map<string, string | undefined>;
  remove: Set<string>;
}

function duplicateGroup(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A group with this displayName already exists in the directory');
  throw e;
}

export async function createDirectoryGroup(
  db: Db,
  { directoryId }: { directoryId: string },
  resource: ScimObject,
  members: NewMember[],
): Promise<GroupRow> {
  return transaction(db, async (tx) => {
    const row = await insertGroup(tx, directoryId, resource);
    if (members.length) await addMembers(tx, { directoryId, groupId: row.id }, members);
    return row;
  }).catch(duplicateGroup);
}

async function lockedGroup(tx: Tx, directoryId: string, id: string, ifMatch?: number | null): Promise<GroupRow> {
  await lockRow(tx, 'group', id);
  const row = await findGroup(tx, { directoryId, id });
  if (!row) throw new DomainError('not_found', `Group ${id} not found`);
  if (ifMatch != null && ifMatch !== row.version) {
    throw new DomainError('precondition_failed', 'The group changed since the version given in If-Match');
  }
  return row;
}

/**
 * PATCH: `next` computes the new resource (null when only members change); `members` is the membership change,
 * applied in the same transaction.
 */
export async function patchDirectoryGroup(
  db: Db,
  { directoryId, id }: { directoryId: string; id: string },
  next: ((current: ScimObject) => ScimObject) | null,
  members: MembershipChange,
  { ifMatch }: WriteOptions = {},
): Promise<GroupRow> {
  return transaction(db, async (tx) => {
    const row = await lockedGroup(tx, directoryId, id, ifMatch);
    let written: GroupRow | null;
    if (next) {
      written = await updateGroup(tx, { directoryId, id, version: row.version }, next(JSON.parse(row.raw) as ScimObject));
      if (!written) throw new StaleWrite();
    } else {
      written = await touchGroup(tx, { id });
    }
    if (members.clear) await clearMembers(tx, { groupId: id });
    if (members.remove.size) await removeMembers(tx, { groupId: id }, [...members.remove]);
    if (members.add.size) {
      const list = [...members.add].map(([userId, display]) => ({ userId, display }));
      await addMembers(tx, { directoryId, groupId: id }, list);
    }
    return written;
  }).catch(duplicateGroup);
}

/** PUT: replaces the resource and sets the membership to exactly `members`. */
export async function replaceDirectoryGroup(
  db: Db,
  { directoryId, id }: { directoryId: string; id: string },
  resource: ScimObject,
  members: NewMember[],
  { ifMatch }: WriteOptions = {},
): Promise<GroupRow> {
  return transaction(db, async (tx) => {
    const row = await lockedGroup(tx, directoryId, id, ifMatch);
    const written = await updateGroup(tx, { directoryId, id, version: row.version }, resource);
    if (!written) throw new StaleWrite();
    const wanted = new Set(members.map((m) => m.userId));
    const current = (await listMembers(tx, { groupId: id })).map((m) => m.userId);
    const gone = current.filter((u) => !wanted.has(u));
    const have = new Set(current);
    if (gone.length) await removeMembers(tx, { groupId: id }, gone);
    const fresh = members.filter((m) => !have.has(m.userId));
    if (fresh.length) await addMembers(tx, { directoryId, groupId: id }, fresh);
    return written;
  }).catch(duplicateGroup);
}

export async function deleteDirectoryGroup(
  db: Db,
  { directoryId, id }: { directoryId: string; id: string },
  { ifMatch }: WriteOptions = {},
): Promise<void> {
  await transaction(db, async (tx) => {
    await lockedGroup(tx, directoryId, id, ifMatch);
    if (!(await removeGroup(tx, { directoryId, id }))) throw new DomainError('not_found', `Group ${id} not found`);
  });
}
