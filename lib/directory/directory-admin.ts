// A directory's life as admins drive it, from the portal, the dashboard or the host API: created (with its first
// token), renamed, deleted. Each is one transaction with its audit entry and, for creation and deletion, its event.
import { audit } from '../audit/audit-log';
import type { Db, Tx } from '../db/client';
import { transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import { writeEvents } from '../events/write-events';
import { toApiDirectory } from '../host-api/serialize';
import { deleteDirectoryIn } from './delete-directory';
import { createDirectory, type DirectoryRow } from './directories';
import type { CreatedToken } from './tokens';
import type { Provider } from './providers';

interface Who {
  hostId: string;
  actor: string;
}

export async function openDirectory(
  db: Db,
  { hostId, actor, organizationId, provider, name, check }: Who & { organizationId: string; provider: Provider; name?: string; check?: (tx: Tx) => Promise<void> },
): Promise<{ directory: DirectoryRow; token: CreatedToken }> {
  return transaction(db, async (tx) => {
    await check?.(tx);
    const created = await createDirectory(tx, { organizationId, provider, name });
    const base = { hostId, organizationId, actor };
    await audit(tx, { ...base, action: 'directory.created', target: created.directory.id, details: { provider, name: created.directory.name } });
    await audit(tx, { ...base, action: 'token.created', target: created.token.id, details: { directoryId: created.directory.id, lastFour: created.token.lastFour } });
    await writeEvents(tx, { hostId, organizationId, directoryId: created.directory.id }, [{ type: 'directory.created', data: toApiDirectory(created.directory) }]);
    return created;
  });
}

export async function renameDirectory(db: Db, { hostId, actor, directory, name }: Who & { directory: DirectoryRow; name: string }): Promise<DirectoryRow> {
  return transaction(db, async (tx) => {
    const row = await tx.directory.update({ where: { id: directory.id }, data: { name } });
    if (directory.name !== name) {
      await audit(tx, { hostId, organizationId: row.organizationId, actor, action: 'directory.renamed', target: row.id, details: { from: directory.name, to: name } });
    }
    return row;
  });
}

/** Deletes a directory and all its data (delete-directory.ts), with its audit entry. */
export async function removeDirectory(db: Db, { hostId, actor, directoryId }: Who & { directoryId: string }): Promise<void> {
  await transaction(db, async (tx) => {
    const d = await tx.directory.findFirst({ where: { id: directoryId, organization: { hostId } }, select: { organizationId: true, name: true, provider: true } });
    if (!d) throw new DomainError('not_found', 'Directory not found');
    await deleteDirectoryIn(tx, { hostId, directoryId });
    await audit(tx, { hostId, organizationId: d.organizationId, actor, action: 'directory.deleted', target: directoryId, details: { name: d.name, provider: d.provider } });
  });
}
