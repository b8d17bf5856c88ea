// Enabling or disabling a directory: SCIM answers 403 while it is disabled (serve-scim checks the status on every
// request). The status change and its directory.enabled / directory.disabled event commit together.
import type { Db } from '../db/client';
import { transaction } from '../db/transaction';
import type { DirectoryRow } from './directories';
import { audit } from '../audit/audit-log';
import { writeEvents } from '../events/write-events';
import { toApiDirectory } from '../host-api/serialize';

export type DirectoryStatus = 'enabled' | 'disabled';

export async function setDirectoryStatus(
  db: Db,
  { hostId, directory, status, actor }: { hostId: string; directory: DirectoryRow; status: DirectoryStatus; actor: string },
): Promise<DirectoryRow> {
  return transaction(db, async (tx) => {
    const r = await tx.directory.updateMany({ where: { id: directory.id, status: { not: status } }, data: { status } });
    const row = await tx.directory.findUniqueOrThrow({ where: { id: directory.id } });
    // Only a real change is an event: toggling twice to the same state must not notify the host twice.
    if (r.count > 0) {
      const scope = { hostId, organizationId: row.organizationId, directoryId: row.id };
      await audit(tx, { hostId, organizationId: row.organizationId, actor, action: 'directory.status_changed', target: row.id, details: { status } });
      await writeEvents(tx, scope, [{ type: status === 'enabled' ? 'directory.enabled' : 'directory.disabled', data: toApiDirectory(row) }]);
    }
    return row;
  });
}
