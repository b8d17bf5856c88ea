// Enabling or disabling a directory (the portal's toggle, the host API): SCIM answers 403 while disabled.
import type { Db } from '../db/client';
import { transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import { writeEvents } from '../events/write-events';

export async function setDirectoryStatus(
  db: Db,
  { hostId, directoryId }: { hostId: string; directoryId: string },
  status: 'enabled' | 'disabled',
): Promise<void> {
  await transaction(db, async (tx) => {
    const dir = await tx.directory.findFirst({ where: { id: directoryId, organization: { hostId } } });
    if (!dir) throw new DomainError('not_found', 'Directory not found');
    if (dir.status === status) return;
    await tx.directory.update({ where: { id: directoryId }, data: { status } });
    await writeEvents(tx, { hostId, organizationId: dir.organizationId, directoryId }, [
      { type: status === 'enabled' ? 'directory.enabled' : 'directory.disabled', data: { id: dir.id, organizationId: dir.organizationId, provider: dir.provider, status } },
    ]);
  });
}
