// A user the IdP deleted (DELETE /Users/{id}) whom the organization's leaving policy keeps for the host: gone from
// SCIM (`removedAt`), deactivated with no role, out of every group. The host hears a deactivation (issue 19).
import { columns, sql, updateOp } from '../../db/rows';
import { allOp, together, type SqlEnv, type SqlOp, type SqlProgram } from '../../db/sql-program';
import type { DirectoryScope, PendingEvent } from '../../events/event-types';
import { previousAttributes } from '../../events/snapshots';
import { writeEventsSql } from '../../events/write-events';
import { toApiUser } from '../../host-api/serialize';
import { activeChangeEvent, rolesAfterActiveChange } from '../../policy/leaving';
import type { RoleConfig } from '../../roles/recompute-roles';
import type { ScimObject } from '../../scim/types';
import { userOf, type UserView } from './reads';

/** Retires the locked user (the caller holds the directory's shared role lock), with the seats ops it gives and its events. */
export function* retireUser(env: SqlEnv, scope: DirectoryScope, { row, groups, roles }: UserView, roleConfig: RoleConfig, seats: SqlOp[]): SqlProgram<void> {
  const now = sql(env.dialect.now);
  // The stored resource says what the host sees: inactive.
  const raw = JSON.stringify({ ...(JSON.parse(row.raw) as ScimObject), active: false });
  const set = { active: false, deactivatedAt: row.active ? now : undefined, removedAt: now, raw, version: sql('"version" + 1') };
  const [updated] = yield* together([
    updateOp(env.dialect, 'DirectoryUser', set, '"id" = ? AND "directoryId" = ?', [row.id, row.directoryId], columns('DirectoryUser')),
    allOp(`DELETE FROM "GroupMembership" WHERE "userId" = ? AND "directoryId" = ? RETURNING "groupId"`, [row.id, row.directoryId]),
    ...seats,
  ]);
  const written = userOf(updated[0]);
  const rolesNow = yield* rolesAfterActiveChange(env, row.directoryId, row.id, roles, roleConfig);
  const after = toApiUser(written, [], rolesNow);
  // The groups the host sees it leave (the selected ones), as a membership removal tells it.
  const events: PendingEvent[] = groups.map((group) => ({ type: 'directory.group.user_removed', data: { group, user: after } }));
  events.push(
    { type: 'directory.user.updated', data: after, previousAttributes: previousAttributes(toApiUser(row, groups, roles), after) },
    activeChangeEvent(false, after),
  );
  yield* writeEventsSql(env, scope, events, { final: true });
}
