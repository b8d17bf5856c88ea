// Data access for directory users: normalised columns plus the raw SCIM resource, and one UserEmail row per email.
import type { Tx } from '../db/client';
import type { DirectoryUser } from '../generated/sqlite/client';
import { newId } from '../ids';
import type { ScimObject } from '../scim/types';
import { userColumns } from '../scim/resources/user-columns';
import { assertIndexable } from './indexable';

export type UserRow = DirectoryUser;

function split(resource: ScimObject) {
  const { emails, ...cols } = userColumns(resource);
  assertIndexable({ ...cols, ...Object.fromEntries(emails.map((e, i) => [`emails[${i}].value`, e.valueLower])) });
  return { cols, emails, raw: JSON.stringify(resource) };
}

export async function insertUser(tx: Tx, directoryId: string, resource: ScimObject): Promise<UserRow> {
  const { cols, emails, raw } = split(resource);
  const id = newId('usr');
  const row = await tx.directoryUser.create({ data: { id, directoryId, ...cols, raw } });
  if (emails.length) await tx.userEmail.createMany({ data: emails.map((e) => ({ ...e, userId: id, directoryId })) });
  return row;
}

/** Writes a new version of a user if it is still at `version`; null when someone else wrote first. */
export async function updateUser(
  tx: Tx,
  { directoryId, id, version }: { directoryId: string; id: string; version: number },
  resource: ScimObject,
): Promise<UserRow | null> {
  const { cols, emails, raw } = split(resource);
  const r = await tx.directoryUser.updateMany({
    where: { id, directoryId, version },
    data: { ...cols, raw, version: { increment: 1 } },
  });
  if (r.count === 0) return null;
  await tx.userEmail.deleteMany({ where: { userId: id } });
  if (emails.length) await tx.userEmail.createMany({ data: emails.map((e) => ({ ...e, userId: id, directoryId })) });
  return tx.directoryUser.findUnique({ where: { id } });
}

export function findUser(db: Tx, { directoryId, id }: { directoryId: string; id: string }): Promise<UserRow | null> {
  return db.directoryUser.findFirst({ where: { id, directoryId } });
}

export async function removeUser(db: Tx, { directoryId, id }: { directoryId: string; id: string }): Promise<boolean> {
  const r = await db.directoryUser.deleteMany({ where: { id, directoryId } });
  return r.count > 0;
}

/** The groups of each user, for the readOnly `groups` attribute; one query for a whole page of users. */
export async function groupsOfUsers(
  db: Tx,
  { directoryId, userIds }: { directoryId: string; userIds: string[] },
): Promise<Map<string, { id: string; displayName: string }[]>> {
  const out = new Map<string, { id: string; displayName: string }[]>();
  if (userIds.length === 0) return out;
  // By user id, tenant-checked on the group (see fast-queries.ts: a directoryId filter here makes SQLite walk the
  // directory's memberships).
  const rows = await db.groupMembership.findMany({
    where: { userId: { in: userIds }, group: { directoryId } },
    select: { userId: true, group: { select: { id: true, displayName: true } } },
    orderBy: [{ userId: 'asc' }, { groupId: 'asc' }],
  });
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push(r.group);
    out.set(r.userId, list);
  }
  return out;
}
