// Deleting a directory removes all its data (users, groups, memberships, tokens, mappings, request log: by
// cascade) in one transaction, with an event per user and group removed and a final directory.deleted, so a host
// that mirrors users through events is left with none.
import { write } from '../db/database';
import { run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import type { PendingEvent } from '../events/event-types';
import { groupSnapshotSql, userSnapshotsSql } from '../events/snapshots';
import { writeEventsSql } from '../events/write-events';
import { removeOrganization } from '../organizations/organizations';
import { returnDirectorySeats } from '../policy/seats';
import { lockRolesExclusive } from '../roles/role-locks';
import { removePortalLinksOf } from '../portal/portal-links';
import { findHostDirectory, listOrganizationDirectories, removeDirectory } from './directories';
import { groupsAfter } from './groups/reads';
import { usersAfter } from './users/reads';

const CHUNK = 500;

function* deletionEvents(env: SqlEnv, directoryId: string): SqlProgram<PendingEvent[]> {
  const events: PendingEvent[] = [];
  for (let after = ''; ;) {
    const groups = yield* groupsAfter(directoryId, after, CHUNK);
    if (groups.length === 0) break;
    for (const g of groups) events.push({ type: 'directory.group.deleted', data: yield* groupSnapshotSql(env, g) });
    after = groups[groups.length - 1].id;
  }
  for (let after = ''; ;) {
    const users = yield* usersAfter(directoryId, after, CHUNK);
    if (users.length === 0) break;
    const snaps = yield* userSnapshotsSql(
      env,
      directoryId,
      users.map((u) => u.id),
    );
    for (const u of users) events.push({ type: 'directory.user.deleted', data: snaps.get(u.id) });
    after = users[users.length - 1].id;
  }
  return events;
}

export function* deleteDirectoryIn(env: SqlEnv, { hostId, directoryId }: { hostId: string; directoryId: string }): SqlProgram<void> {
  const dir = yield* findHostDirectory({ hostId, id: directoryId });
  if (!dir) throw new DomainError('not_found', 'Directory not found');
  // Every user write of the directory takes this lock shared: none lands between the count of its seats (and the
  // events) and the deletion.
  yield* lockRolesExclusive(env, directoryId);
  const events = yield* deletionEvents(env, directoryId);
  events.push({ type: 'directory.deleted', data: { id: dir.id, organizationId: dir.organizationId, provider: dir.provider } });
  // Memberships and role rows go first so the cascade from the directory has less to walk.
  yield* run(`DELETE FROM "GroupMembership" WHERE "directoryId" = ?`, [directoryId]);
  yield* run(`DELETE FROM "UserRole" WHERE "directoryId" = ?`, [directoryId]);
  yield* returnDirectorySeats(dir.organizationId, directoryId);
  yield* removeDirectory(directoryId);
  yield* writeEventsSql(env, { hostId, organizationId: dir.organizationId, directoryId }, events);
}

export function deleteDirectory(scope: { hostId: string; directoryId: string }): Promise<void> {
  return write((env) => deleteDirectoryIn(env, scope));
}

export function deleteOrganization({ hostId, organizationId }: { hostId: string; organizationId: string }): Promise<void> {
  return write(function* (env) {
    const dirs = yield* listOrganizationDirectories({ organizationId });
    // Every directory's user writes held off before the first one's seats are given back: a write waiting for the
    // seats row while holding a later directory's shared lock would deadlock with this deletion.
    for (const id of dirs.map((d) => d.id).sort()) yield* lockRolesExclusive(env, id);
    for (const d of dirs) yield* deleteDirectoryIn(env, { hostId, directoryId: d.id });
    yield* removePortalLinksOf(organizationId);
    if (!(yield* removeOrganization({ hostId, id: organizationId }))) throw new DomainError('not_found', 'Organization not found');
  });
}
