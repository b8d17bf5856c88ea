// Deleting a directory removes all its data (users, groups, memberships, tokens, mappings, request log: by
// cascade) in one transaction, with an event per user and group removed and a final directory.deleted, so a host
// that mirrors users through events is left with none.
import type { Db, Tx } from '../db/client';
import { transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import type { PendingEvent } from '../events/event-types';
import { groupSnapshot, userSnapshots } from '../events/snapshots';
import { writeEvents } from '../events/write-events';

const CHUNK = 500;

async function deletionEvents(tx: Tx, directoryId: string): Promise<PendingEvent[]> {
  const events: PendingEvent[] = [];
  for (const g of await tx.directoryGroup.findMany({ where: { directoryId }, orderBy: { id: 'asc' } })) {
    events.push({ type: 'directory.group.deleted', data: await groupSnapshot(tx, g) });
  }
  for (let after = ''; ; ) {
    const users = await tx.directoryUser.findMany({ where: { directoryId, id: { gt: after } }, orderBy: { id: 'asc' }, take: CHUNK });
    if (users.length === 0) break;
    const snaps = await userSnapshots(tx, directoryId, users);
    for (const u of users) events.push({ type: 'directory.user.deleted', data: snaps.get(u.id) });
    after = users[users.length - 1].id;
  }
  return events;
}

export async function deleteDirectoryIn(tx: Tx, { hostId, directoryId }: { hostId: string; directoryId: string }): Promise<void> {
  const dir = await tx.directory.findFirst({ where: { id: directoryId, organization: { hostId } } });
  if (!dir) throw new DomainError('not_found', 'Directory not found');
  const events = await deletionEvents(tx, directoryId);
  events.push({ type: 'directory.deleted', data: { id: dir.id, organizationId: dir.organizationId, provider: dir.provider } });
  // Memberships and role rows go first so the cascade from the directory has less to walk.
  await tx.groupMembership.deleteMany({ where: { directoryId } });
  await tx.userRole.deleteMany({ where: { directoryId } });
  await tx.directory.delete({ where: { id: directoryId } });
  await writeEvents(tx, { hostId, organizationId: dir.organizationId, directoryId }, events);
}

export function deleteDirectory(db: Db, scope: { hostId: string; directoryId: string }): Promise<void> {
  return transaction(db, (tx) => deleteDirectoryIn(tx, scope));
}

export async function deleteOrganization(db: Db, { hostId, organizationId }: { hostId: string; organizationId: string }): Promise<void> {
  await transaction(db, async (tx) => {
    const org = await tx.organization.findFirst({ where: { id: organizationId, hostId }, include: { directories: { select: { id: true } } } });
    if (!org) throw new DomainError('not_found', 'Organization not found');
    for (const d of org.directories) await deleteDirectoryIn(tx, { hostId, directoryId: d.id });
    await tx.portalLink.deleteMany({ where: { organizationId } });
    await tx.organization.delete({ where: { id: organizationId } });
  });
}
