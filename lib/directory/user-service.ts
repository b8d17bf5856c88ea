// Writes to directory users (SCIM, the portal and the host API share them). Each is one transaction: the row,
// its emails, recomputed roles and the events describing the change; retried on a lost race, so concurrent
// writers never lose each other's changes.
import type { Db, Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { lockRow } from '../db/row-lock';
import { StaleWrite, transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { DirectoryScope, PendingEvent } from '../events/event-types';
import { previousAttributes, userSnapshot, userSnapshots } from '../events/snapshots';
import { writeEvents } from '../events/write-events';
import { recomputeRoles, type RoleChange } from '../roles/recompute-roles';
import type { ScimObject } from '../scim/types';
import { findUser, insertUser, removeUser, updateUser, type UserRow } from './user-store';

function duplicateUser(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A user with this userName already exists in the directory');
  throw e;
}

/** `ifMatch`: the version the caller saw (If-Match); a different current version is a precondition failure. */
export interface WriteOptions {
  ifMatch?: number | null;
}

export function checkVersion(row: { version: number }, ifMatch: number | null | undefined, what: string): void {
  if (ifMatch != null && ifMatch !== row.version) {
    throw new DomainError('precondition_failed', `The ${what} changed since the version given in If-Match`);
  }
}

/** `directory.user.updated` events for role changes, `previousAttributes: {roles}` (CONTRACT.md). */
export async function roleChangeEvents(tx: Tx, directoryId: string, changes: RoleChange[]): Promise<PendingEvent[]> {
  if (changes.length === 0) return [];
  const rows = await tx.directoryUser.findMany({ where: { directoryId, id: { in: changes.map((c) => c.userId) } } });
  const snaps = await userSnapshots(tx, directoryId, rows);
  return changes
    .filter((c) => snaps.has(c.userId))
    .map((c) => ({ type: 'directory.user.updated', data: snaps.get(c.userId), previousAttributes: { roles: c.before } }));
}

export async function createDirectoryUser(db: Db, scope: DirectoryScope, resource: ScimObject): Promise<UserRow> {
  return transaction(db, async (tx) => {
    const row = await insertUser(tx, scope.directoryId, resource);
    await recomputeRoles(tx, scope.directoryId, [row.id]);
    await writeEvents(tx, scope, [{ type: 'directory.user.created', data: await userSnapshot(tx, row) }]);
    return row;
  }).catch(duplicateUser);
}

/**
 * Reads the user, computes its next resource with `next` (a PUT body, or a PATCH applied to the current one), and
 * writes it. An unchanged resource is not written (no new version, no event).
 */
export async function rewriteDirectoryUser(
  db: Db,
  scope: DirectoryScope & { id: string },
  next: (current: ScimObject, row: UserRow) => ScimObject,
  { ifMatch }: WriteOptions = {},
): Promise<UserRow> {
  const { directoryId, id } = scope;
  return transaction(db, async (tx) => {
    await lockRow(tx, 'user', id);
    const row = await findUser(tx, { directoryId, id });
    if (!row) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(row, ifMatch, 'user');
    const resource = next(JSON.parse(row.raw) as ScimObject, row);
    if (JSON.stringify(resource) === row.raw) return row;
    const before = await userSnapshot(tx, row);
    const written = await updateUser(tx, { directoryId, id, version: row.version }, resource);
    if (!written) throw new StaleWrite();
    const after = await userSnapshot(tx, written);
    const changed = previousAttributes(before, after);
    if (Object.keys(changed).length) {
      await writeEvents(tx, scope, [{ type: 'directory.user.updated', data: after, previousAttributes: changed }]);
    }
    return written;
  }).catch(duplicateUser);
}

export async function deleteDirectoryUser(
  db: Db,
  scope: DirectoryScope & { id: string },
  { ifMatch }: WriteOptions = {},
): Promise<void> {
  const { directoryId, id } = scope;
  await transaction(db, async (tx) => {
    await lockRow(tx, 'user', id);
    const row = await findUser(tx, { directoryId, id });
    if (!row) throw new DomainError('not_found', `User ${id} not found`);
    checkVersion(row, ifMatch, 'user');
    const last = await userSnapshot(tx, row);
    if (!(await removeUser(tx, { directoryId, id }))) throw new DomainError('not_found', `User ${id} not found`);
    await writeEvents(tx, scope, [{ type: 'directory.user.deleted', data: last }]);
  });
}

