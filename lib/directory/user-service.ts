// Writes to directory users (SCIM, and later the portal and host API): each one transaction, retried on a lost
// race, so concurrent writers never lose each other's changes.
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { lockRow } from '../db/row-lock';
import { StaleWrite, transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { ScimObject } from '../scim/types';
import { findUser, insertUser, removeUser, updateUser, type UserRow } from './user-store';

export interface Scope {
  directoryId: string;
}

function duplicateUser(e: unknown): never {
  if (isUniqueViolation(e)) throw new DomainError('conflict', 'A user with this userName already exists in the directory');
  throw e;
}

export async function createDirectoryUser(db: Db, { directoryId }: Scope, resource: ScimObject): Promise<UserRow> {
  return transaction(db, (tx) => insertUser(tx, directoryId, resource)).catch(duplicateUser);
}

/** `ifMatch`: the version the caller saw (If-Match); a different current version is a precondition failure. */
export interface WriteOptions {
  ifMatch?: number | null;
}

/**
 * Reads the user, computes its next resource with `next` (a PUT body, or a PATCH applied to the current one), and
 * writes it if nobody wrote in between; otherwise starts again on the fresh row.
 */
export async function rewriteDirectoryUser(
  db: Db,
  { directoryId, id }: Scope & { id: string },
  next: (current: ScimObject, row: UserRow) => ScimObject,
  { ifMatch }: WriteOptions = {},
): Promise<UserRow> {
  return transaction(db, async (tx) => {
    await lockRow(tx, 'user', id);
    const row = await findUser(tx, { directoryId, id });
    if (!row) throw new DomainError('not_found', `User ${id} not found`);
    if (ifMatch != null && ifMatch !== row.version) {
      throw new DomainError('precondition_failed', 'The user changed since the version given in If-Match');
    }
    const resource = next(JSON.parse(row.raw) as ScimObject, row);
    const written = await updateUser(tx, { directoryId, id, version: row.version }, resource);
    if (!written) throw new StaleWrite();
    return written;
  }).catch(duplicateUser);
}

export async function deleteDirectoryUser(
  db: Db,
  { directoryId, id }: Scope & { id: string },
  { ifMatch }: WriteOptions = {},
): Promise<void> {
  await transaction(db, async (tx) => {
    const row = await findUser(tx, { directoryId, id });
    if (!row) throw new DomainError('not_found', `User ${id} not found`);
    if (ifMatch != null && ifMatch !== row.version) {
      throw new DomainError('precondition_failed', 'The user changed since the version given in If-Match');
    }
    if (!(await removeUser(tx, { directoryId, id }))) throw new DomainError('not_found', `User ${id} not found`);
  });
}
