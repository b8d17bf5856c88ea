// Data access for directory groups. `raw` holds the SCIM resource without members; members are rows.
import type { Tx } from '../db/client';
import type { DirectoryGroup } from '../generated/sqlite/client';
import { newId } from '../ids';
import type { ScimObject } from '../scim/types';
import { assertIndexable } from './indexable';

export type GroupRow = DirectoryGroup;

function columns(resource: ScimObject) {
  const displayName = String(resource.displayName);
  const externalId = typeof resource.externalId === 'string' ? resource.externalId : null;
  assertIndexable({ displayName, externalId });
  return { displayName, displayNameLower: displayName.toLowerCase(), externalId, raw: JSON.stringify(resource) };
}

export function insertGroup(tx: Tx, directoryId: string, resource: ScimObject): Promise<GroupRow> {
  return tx.directoryGroup.create({ data: { id: newId('grp'), directoryId, ...columns(resource) } });
}

/** Writes a new version of the group if it is still at `version`; null when someone else wrote first. */
export async function updateGroup(
  tx: Tx,
  { directoryId, id, version }: { directoryId: string; id: string; version: number },
  resource: ScimObject,
): Promise<GroupRow | null> {
  const r = await tx.directoryGroup.updateMany({
    where: { id, directoryId, version },
    data: { ...columns(resource), version: { increment: 1 } },
  });
  return r.count === 0 ? null : tx.directoryGroup.findUnique({ where: { id } });
}

/** A membership-only change still moves the group's version (its ETag) and lastModified. */
export function touchGroup(tx: Tx, { id }: { id: string }): Promise<GroupRow> {
  return tx.directoryGroup.update({ where: { id }, data: { version: { increment: 1 } } });
}

export function findGroup(db: Tx, { directoryId, id }: { directoryId: string; id: string }): Promise<GroupRow | null> {
  return db.directoryGroup.findFirst({ where: { id, directoryId } });
}

/** The directory's groups (a quota's count: lib/scim/storage-bounds.ts reads it rarely, not per create). */
export function countGroups(db: Tx, { directoryId }: { directoryId: string }): Promise<number> {
  return db.directoryGroup.count({ where: { directoryId } });
}

export async function removeGroup(db: Tx, { directoryId, id }: { directoryId: string; id: string }): Promise<boolean> {
  const r = await db.directoryGroup.deleteMany({ where: { id, directoryId } });
  return r.count > 0;
}
