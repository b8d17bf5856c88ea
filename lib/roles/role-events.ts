// Role changes as events: `directory.user.updated` with `previousAttributes: {roles}` (CONTRACT.md).
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import type { PendingEvent } from '../events/event-types';
import { userSnapshotsSql } from '../events/snapshots';
import type { RoleChange } from './recompute-roles';

export function* roleChangeEvents(env: SqlEnv, directoryId: string, changes: RoleChange[]): SqlProgram<PendingEvent[]> {
  if (changes.length === 0) return [];
  const snaps = yield* userSnapshotsSql(
    env,
    directoryId,
    changes.map((c) => c.userId),
  );
  return changes
    .filter((c) => snaps.has(c.userId))
    .map((c) => ({ type: 'directory.user.updated', data: snaps.get(c.userId), previousAttributes: { roles: c.before } }));
}
