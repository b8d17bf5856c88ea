// A user the IdP deleted (DELETE /Users/{id}) whom the organization's leaving policy keeps for the host: gone from
// SCIM (`removedAt`), deactivated with no role, out of every group (issue 19). The host hears the user leave SCIM
// (directory.user.updated with removedAt), and a deactivation when it was active.
import { updateOp } from '../../db/rows';
import type { DirectoryUserRow } from '../../db/schema';
import { together, type SqlEnv, type SqlOp, type SqlProgram } from '../../db/sql-program';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { previousAttributes } from '../../events/snapshots';
import { writeEventsOps } from '../../events/write-events';
import { toApiUser } from '../../host-api/serialize';
import { activeChangeEvent } from '../../policy/leaving';
import { noRolesOp } from '../../roles/recompute-roles';
import type { ScimObject } from '../../scim/types';
import { leavingGroupsOps } from '../memberships';
import type { UserView } from './reads';
import { updated } from './write-steps';

/**
 * Retires the locked user (the caller holds the directory's shared role lock): its row, memberships, roles, the
 * seats ops the caller gives (`seats`) and the events, with the COMMIT, in one trip. Its row is built here: an
 * inactive user holds no role, so nothing needs reading back.
 */
export function* retireUser(env: SqlEnv, scope: DirectoryScope, { row, groups, roles }: UserView, seats: SqlOp[]): SqlProgram<void> {
  const now = new Date();
  // The stored resource says what the host sees: inactive.
  const raw = JSON.stringify({ ...(JSON.parse(row.raw) as ScimObject), active: false });
  const written: DirectoryUserRow = {
    ...row,
    active: false,
    deactivatedAt: row.active ? now : row.deactivatedAt,
    removedAt: now,
    raw,
    version: row.version + 1,
    updatedAt: now,
  };
  const { id, directoryId, createdAt: _created, ...set } = written;
  const after = toApiUser(written, [], []);
  // The groups the host sees it leave (the selected ones), as a membership removal tells it.
  const events: PendingEvent[] = groups.map((group) => ({ type: 'directory.group.user_removed', data: { group, user: after } }));
  events.push({ type: 'directory.user.updated', data: after, previousAttributes: previousAttributes(toApiUser(row, groups, roles), after) });
  // Already inactive, it was deactivated when it became so: leaving SCIM is the update above.
  if (row.active) events.push(activeChangeEvent(false, after));
  const ops = [
    updateOp(env.dialect, 'DirectoryUser', set, '"id" = ? AND "directoryId" = ? AND "version" = ?', [id, directoryId, row.version]),
    ...leavingGroupsOps(id, directoryId, 'delete'),
    ...(roles.length ? [noRolesOp(directoryId, id)] : []),
    ...seats,
    ...writeEventsOps(env, scope, events, true),
  ];
  updated((yield* together(ops))[0]);
}
