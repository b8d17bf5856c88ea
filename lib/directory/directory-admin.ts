// A directory's life as admins drive it, from the portal, the dashboard or the host API: created (with its first
// token), renamed, deleted. Each is one transaction with its audit entry and, for creation and deletion, its event.
import { auditSql } from '../audit/audit-log';
import { write } from '../db/database';
import { columns, decode, updateOp } from '../db/rows';
import { rowsOf, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import { writeEventsSql } from '../events/write-events';
import { toApiDirectory } from '../host-api/serialize';
import { deleteDirectoryIn } from './delete-directory';
import { createDirectory, findHostDirectory, type DirectoryRow } from './directories';
import type { CreatedToken } from './tokens';
import type { Provider } from './providers';

interface Who {
  hostId: string;
  actor: string;
}

export function openDirectory({
  hostId,
  actor,
  organizationId,
  provider,
  name,
  check,
}: Who & { organizationId: string; provider: Provider; name?: string; check?: (env: SqlEnv) => SqlProgram<void> }): Promise<{
  directory: DirectoryRow;
  token: CreatedToken;
}> {
  return write(function* (env) {
    if (check) yield* check(env);
    const created = yield* createDirectory(env, { organizationId, provider, name });
    const base = { hostId, organizationId, actor };
    yield* auditSql(env, { ...base, action: 'directory.created', target: created.directory.id, details: { provider, name: created.directory.name } });
    yield* auditSql(env, {
      ...base,
      action: 'token.created',
      target: created.token.id,
      details: { directoryId: created.directory.id, lastFour: created.token.lastFour },
    });
    yield* writeEventsSql(env, { hostId, organizationId, directoryId: created.directory.id }, [
      { type: 'directory.created', data: toApiDirectory(created.directory) },
    ]);
    return created;
  });
}

export function renameDirectory({ hostId, actor, directory, name }: Who & { directory: DirectoryRow; name: string }): Promise<DirectoryRow> {
  return write(function* (env) {
    const [r] = yield* rowsOf(updateOp(env.dialect, 'Directory', { name }, `"id" = ?`, [directory.id], columns('Directory')));
    if (!r) throw new DomainError('not_found', 'Directory not found');
    const row = decode('Directory', r);
    if (directory.name !== name) {
      yield* auditSql(env, {
        hostId,
        organizationId: row.organizationId,
        actor,
        action: 'directory.renamed',
        target: row.id,
        details: { from: directory.name, to: name },
      });
    }
    return row;
  });
}

/** Deletes a directory and all its data (delete-directory.ts), with its audit entry. */
export function removeDirectory({ hostId, actor, directoryId }: Who & { directoryId: string }): Promise<void> {
  return write(function* (env) {
    const d = yield* findHostDirectory({ hostId, id: directoryId });
    if (!d) throw new DomainError('not_found', 'Directory not found');
    yield* deleteDirectoryIn(env, { hostId, directoryId });
    yield* auditSql(env, {
      hostId,
      organizationId: d.organizationId,
      actor,
      action: 'directory.deleted',
      target: directoryId,
      details: { name: d.name, provider: d.provider },
    });
  });
}
