// Enabling or disabling a directory: SCIM answers 403 while it is disabled (the token check reads the status on
// every request). The status change and its directory.enabled / directory.disabled event commit together.
import { auditSql } from '../audit/audit-log';
import { write } from '../db/database';
import { DomainError } from '../domain-error';
import { writeEventsSql } from '../events/write-events';
import { toApiDirectory } from '../host-api/serialize';
import { setStatus, type DirectoryRow } from './directories';

export type DirectoryStatus = 'enabled' | 'disabled';

export function setDirectoryStatus({
  hostId,
  directory,
  status,
  actor,
}: {
  hostId: string;
  directory: DirectoryRow;
  status: DirectoryStatus;
  actor: string;
}): Promise<DirectoryRow> {
  return write(function* (env) {
    const { row, changed } = yield* setStatus(env, { id: directory.id, status });
    if (!row) throw new DomainError('not_found', 'Directory not found');
    // Only a real change is an event: toggling twice to the same state must not notify the host twice.
    if (changed) {
      const scope = { hostId, organizationId: row.organizationId, directoryId: row.id };
      yield* auditSql(env, { hostId, organizationId: row.organizationId, actor, action: 'directory.status_changed', target: row.id, details: { status } });
      yield* writeEventsSql(env, scope, [{ type: status === 'enabled' ? 'directory.enabled' : 'directory.disabled', data: toApiDirectory(row) }]);
    }
    return row;
  });
}
