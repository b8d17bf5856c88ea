// A user's groups and role keys as JSON columns of the user's own row, so a user with everything an event or a
// SCIM response shows comes back from one query (one round trip on PostgreSQL) instead of three.
import type { Dialect } from '../db/client';
import { noIndex } from '../db/sql-program';

export type GroupRef = { id: string; displayName: string };

/**
 * [[groupId, displayName], …] ordered by group id. By user id (its own index), each group by its primary key and
 * tenant-checked: on PostgreSQL through a LATERAL subquery whose LIMIT 1 (the id is the key: a no-op) keeps the
 * planner from flattening it into a hash or merge join over every group of the directory (a directory of 5,000
 * groups: a walk of its primary key up to the user's groups, for each user read); on SQLite with the directory term
 * kept off its index (noIndex) and the memberships read by the user id index named (INDEXED BY): left to choose,
 * SQLite may walk every membership in group order to save sorting a user's few.
 */
export function groupsJsonColumn(dialect: Dialect): string {
  if (dialect === 'postgres') {
    return `(SELECT COALESCE(json_agg(json_build_array(g."id", g."displayName") ORDER BY m."groupId"), '[]'::json)
      FROM "GroupMembership" m CROSS JOIN LATERAL (SELECT g."id", g."displayName" FROM "DirectoryGroup" g WHERE g."id" = m."groupId" AND g."directoryId" = u."directoryId" LIMIT 1) g
      WHERE m."userId" = u."id") AS "groupsJson"`;
  }
  return `(SELECT json_group_array(json_array(x."id", x."displayName")) FROM (SELECT g."id", g."displayName" FROM "GroupMembership" m
    INDEXED BY "GroupMembership_userId_idx" JOIN "DirectoryGroup" g ON g."id" = m."groupId" WHERE m."userId" = u."id" AND ${noIndex('g."directoryId"', dialect)} = u."directoryId" ORDER BY m."groupId") x) AS "groupsJson"`;
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
