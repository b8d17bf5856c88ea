// Directory-group writes as SQL programs (lib/db/sql-program.ts). `raw` holds the SCIM resource without members;
// members are rows (membership-sql.ts).
import { asDate, asInt, asStr, asStrOrNull } from '../db/fast-read';
import { forUpdate, nowSql } from '../db/sql-now';
import { one, qualified, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { newId } from '../ids';
import type { LeadWrite } from '../events/write-events';
import { ROLE_CONFIG_COLUMNS, roleConfigOf, type RoleConfig } from '../roles/recompute-roles';
import type { ScimObject } from '../scim/types';
import type { GroupRow } from './group-store';
import { assertIndexable } from './indexable';

const GROUP_COLUMNS = '"id", "directoryId", "externalId", "displayName", "displayNameLower", "raw", "version", "createdAt", "updatedAt"';
/** The group's columns, for a query whose group table is aliased `g` (read with toGroupRow). */
export const GROUP_COLUMNS_OF_G = qualified(GROUP_COLUMNS, 'g');

/** A group with its directory's role configuration, as a membership change needs them. */
export interface GroupWithRoles {
  row: GroupRow;
  roles: RoleConfig;
}

export function toGroupRow(r: Record<string, unknown>): GroupRow {
  return {
    id: asStr(r.id),
    directoryId: asStr(r.directoryId),
    externalId: asStrOrNull(r.externalId),
    displayName: asStr(r.displayName),
    displayNameLower: asStr(r.displayNameLower),
    raw: asStr(r.raw),
    version: asInt(r.version),
    createdAt: asDate(r.createdAt),
    updatedAt: asDate(r.updatedAt),
  };
}

function columns(resource: ScimObject) {
  const displayName = String(resource.displayName);
  const externalId = typeof resource.externalId === 'string' ? resource.externalId : null;
  assertIndexable({ displayName, externalId });
  return [externalId, displayName, displayName.toLowerCase(), JSON.stringify(resource)];
}

export function* insertGroup(env: SqlEnv, directoryId: string, resource: ScimObject): SqlProgram<GroupRow> {
  const now = nowSql(env);
  const row = yield* one(
    `INSERT INTO "DirectoryGroup" ("id", "directoryId", "externalId", "displayName", "displayNameLower", "raw", "version", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, 1, ${now}, ${now}) RETURNING ${GROUP_COLUMNS}`,
    [newId('grp'), directoryId, ...columns(resource)],
  );
  return toGroupRow(row!);
}

/** Writes a new version of the group if it is still at `version`; null when someone else wrote first. */
export function* updateGroup(
  env: SqlEnv,
  { directoryId, id, version }: { directoryId: string; id: string; version: number },
  resource: ScimObject,
): SqlProgram<GroupRow | null> {
  const row = yield* one(
    `UPDATE "DirectoryGroup" SET "externalId" = ?, "displayName" = ?, "displayNameLower" = ?, "raw" = ?, "version" = "version" + 1,
       "updatedAt" = ${nowSql(env)} WHERE "id" = ? AND "directoryId" = ? AND "version" = ? RETURNING ${GROUP_COLUMNS}`,
    [...columns(resource), id, directoryId, version],
  );
  return row ? toGroupRow(row) : null;
}

/** A membership-only change still moves the group's version (its ETag) and lastModified: the statement, to lead the events (write-events.ts). */
export function touchGroupWrite(env: SqlEnv, id: string): LeadWrite {
  return {
    sql: `UPDATE "DirectoryGroup" SET "version" = "version" + 1, "updatedAt" = ${nowSql(env)} WHERE "id" = ? RETURNING ${GROUP_COLUMNS}`,
    params: [id],
  };
}

/** The group and its directory's role configuration in one statement: a membership PATCH needs both. */
export function* findGroupWithRoleConfig(
  { directoryId, id }: { directoryId: string; id: string },
): SqlProgram<GroupWithRoles | null> {
  const r = yield* one(
    `SELECT ${GROUP_COLUMNS_OF_G}, ${ROLE_CONFIG_COLUMNS} FROM "DirectoryGroup" g JOIN "Directory" d ON d."id" = g."directoryId"
     WHERE g."id" = ? AND g."directoryId" = ?`,
    [id, directoryId],
  );
  return r ? { row: toGroupRow(r), roles: roleConfigOf(r) } : null;
}

/** The group, locked against other writers until the transaction ends when `lock` is set. */
export function* findGroup(env: SqlEnv, { directoryId, id, lock = false }: { directoryId: string; id: string; lock?: boolean }): SqlProgram<GroupRow | null> {
  const row = yield* one(`SELECT ${GROUP_COLUMNS} FROM "DirectoryGroup" WHERE "id" = ? AND "directoryId" = ?${lock ? forUpdate(env) : ''}`, [id, directoryId]);
  return row ? toGroupRow(row) : null;
}

export function* removeGroup({ directoryId, id }: { directoryId: string; id: string }): SqlProgram<boolean> {
  return (yield* run(`DELETE FROM "DirectoryGroup" WHERE "id" = ? AND "directoryId" = ?`, [id, directoryId])) > 0;
}
