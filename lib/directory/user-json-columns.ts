// A user's groups and role keys as JSON columns of the user's own row, so a user with everything an event or a
// SCIM response shows comes back from one query (one round trip on PostgreSQL) instead of three.
import type { Dialect } from '../db/client';
import { noIndex } from '../db/sql-program';

export type GroupRef = { id: string; displayName: string };

/** [[groupId, displayName], …] ordered by group id. By user id (its own index), tenant-checked on the group. */
export function groupsJsonColumn(dialect: Dialect): string {
  const from = `FROM "GroupMembership" m JOIN "DirectoryGroup" g ON g."id" = m."groupId" WHERE m."userId" = u."id" AND ${noIndex('g."directoryId"')} = u."directoryId"`;
  return dialect === 'postgres'
    ? `(SELECT COALESCE(json_agg(json_build_array(g."id", g."displayName") ORDER BY m."groupId"), '[]'::json) ${from}) AS "groupsJson"`
    : `(SELECT json_group_array(json_array(x."id", x."displayName")) FROM (SELECT g."id", g."displayName" ${from} ORDER BY m."groupId") x) AS "groupsJson"`;
}

/** [roleKey, …] of the user's stored roles. */
export function rolesJsonColumn(dialect: Dialect): string {
  const from = `FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."userId" = u."id"`;
  return dialect === 'postgres'
    ? `(SELECT COALESCE(json_agg(r."key"), '[]'::json) ${from}) AS "rolesJson"`
    : `(SELECT json_group_array(r."key") ${from}) AS "rolesJson"`;
}

/** SQLite hands JSON back as text, PostgreSQL already parsed. */
const parsed = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : (v ?? []));

export function parseGroups(v: unknown): GroupRef[] {
  return (parsed(v) as [string, string][]).map(([id, displayName]) => ({ id, displayName }));
}

/** Sorted as the host API shows them (JavaScript order, not a database collation). */
export function parseRoles(v: unknown): string[] {
  return (parsed(v) as string[]).sort();
}
