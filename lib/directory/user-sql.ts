// Directory-user writes as SQL programs (lib/db/sql-program.ts): the row, its UserEmail rows, and the readOnly
// `groups` of users. Columns come from userColumns, exactly as filters and sorts read them.
import { forUpdate, nowSql } from '../db/sql-now';
import { allOp, chunked, marks, noIndex, one, rowsOf, run, together, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';
import { asStr } from '../db/fast-read';
import { newId } from '../ids';
import { userColumns } from '../scim/resources/user-columns';
import type { ScimObject } from '../scim/types';
import { ROLE_CONFIG_COLUMNS, roleConfigOf, type RoleConfig } from '../roles/recompute-roles';
import { rolesSharedLockOps } from '../roles/role-locks';
import { assertIndexable } from './indexable';
import { groupsJsonColumn, parseGroups, parseRoles, rolesJsonColumn, type GroupRef } from './user-json-columns';
import { USER_COLUMNS, USER_COLUMNS_OF_U, toUserRow, type UserRow } from './user-row';

function split(resource: ScimObject) {
  const { emails, ...cols } = userColumns(resource);
  assertIndexable({ ...cols, ...Object.fromEntries(emails.map((e, i) => [`emails[${i}].value`, e.valueLower])) });
  return { cols, emails, raw: JSON.stringify(resource) };
}

type Cols = ReturnType<typeof split>['cols'];
const colValues = (c: Cols) => [c.externalId, c.userName, c.userNameLower, c.displayNameLower, c.givenNameLower, c.familyNameLower, c.emailLower, c.employeeNumber, c.managerId, c.active];

function* writeEmails(userId: string, directoryId: string, emails: ReturnType<typeof split>['emails']): SqlProgram<void> {
  if (emails.length === 0) return;
  yield* run(
    `INSERT INTO "UserEmail" ("userId", "directoryId", "valueLower", "type", "primary") VALUES ${emails.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    emails.flatMap((e) => [userId, directoryId, e.valueLower, e.type, e.primary]),
  );
}

/**
 * A new user and its emails, plus the directory's role configuration for its roles: on PostgreSQL all in one
 * statement (one round trip per POST /Users); on SQLite `roles` is left undefined for recomputeRolesSql to read.
 */
export function* insertUser(env: SqlEnv, directoryId: string, resource: ScimObject): SqlProgram<{ row: UserRow; roles?: RoleConfig }> {
  const { cols, emails, raw } = split(resource);
  const id = newId('usr');
  const now = nowSql(env);
  const insert = `INSERT INTO "DirectoryUser" ("id", "directoryId", "externalId", "userName", "userNameLower", "displayNameLower", "givenNameLower",
       "familyNameLower", "emailLower", "employeeNumber", "managerId", "active", "raw", "version", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ${now}, ${now}) RETURNING ${USER_COLUMNS}`;
  const params = [id, directoryId, ...colValues(cols), raw];
  if (env.dialect === 'postgres') {
    // The user, its emails and the role configuration in one statement; the foreign key is checked at its end.
    const addEmails = emails.length
      ? `, e AS (INSERT INTO "UserEmail" ("userId", "directoryId", "valueLower", "type", "primary")
         SELECT v.column1, v.column2, v.column3, v.column4, v.column5::boolean FROM (VALUES ${emails.map(() => '(?, ?, ?, ?, ?)').join(', ')}) AS v)`
      : '';
    // After the directory's shared role lock (role-locks.ts), in the same round trip: the configuration it reads is
    // not one a concurrent default-role change is replacing.
    const lock = rolesSharedLockOps(env, directoryId);
    const results = yield* together([
      ...lock,
      allOp(
        `WITH u AS (${insert})${addEmails}
         SELECT u.*, ${ROLE_CONFIG_COLUMNS} FROM u JOIN "Directory" d ON d."id" = u."directoryId"`,
        [...params, ...emails.flatMap((e) => [id, directoryId, e.valueLower, e.type, e.primary])],
      ),
    ]);
    const row = results[lock.length][0];
    return { row: toUserRow(row!), roles: roleConfigOf(row) };
  }
  const row = yield* one(insert, params);
  yield* writeEmails(id, directoryId, emails);
  return { row: toUserRow(row!) };
}

/** Writes a new version of a user if it is still at `version`; null when someone else wrote first. */
export function* updateUser(
  env: SqlEnv,
  { directoryId, id, version }: { directoryId: string; id: string; version: number },
  resource: ScimObject,
): SqlProgram<UserRow | null> {
  const { cols, emails, raw } = split(resource);
  const row = yield* one(
    `UPDATE "DirectoryUser" SET "externalId" = ?, "userName" = ?, "userNameLower" = ?, "displayNameLower" = ?, "givenNameLower" = ?,
       "familyNameLower" = ?, "emailLower" = ?, "employeeNumber" = ?, "managerId" = ?, "active" = ?, "raw" = ?,
       "version" = "version" + 1, "updatedAt" = ${nowSql(env)}
     WHERE "id" = ? AND "directoryId" = ? AND "version" = ? RETURNING ${USER_COLUMNS}`,
    [...colValues(cols), raw, id, directoryId, version],
  );
  if (!row) return null;
  yield* run(`DELETE FROM "UserEmail" WHERE "userId" = ?`, [id]);
  yield* writeEmails(id, directoryId, emails);
  return toUserRow(row);
}

/** The user, locked against other writers until the transaction ends when `lock` is set. */
export function* findUser(env: SqlEnv, { directoryId, id, lock = false }: { directoryId: string; id: string; lock?: boolean }): SqlProgram<UserRow | null> {
  const row = yield* one(`SELECT ${USER_COLUMNS} FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?${lock ? forUpdate(env) : ''}`, [id, directoryId]);
  return row ? toUserRow(row) : null;
}

export interface UserView {
  row: UserRow;
  groups: GroupRef[];
  roles: string[];
}

/** Users one view statement reads at most (`userViewsOp`). */
export const USER_VIEW_CHUNK = 500;

/** Up to USER_VIEW_CHUNK users of the directory with their groups and roles, as rows for `addUserViews`. */
export function userViewsOp(env: SqlEnv, directoryId: string, part: string[]): SqlOp {
  return allOp(
    `SELECT ${USER_COLUMNS_OF_U}, ${groupsJsonColumn(env.dialect)}, ${rolesJsonColumn(env.dialect)} FROM "DirectoryUser" u
     WHERE ${noIndex('u."directoryId"', env.dialect)} = ? AND u."id" IN (${marks(part.length)})`,
    [directoryId, ...part],
  );
}

/** Adds the users of `userViewsOp`'s rows to `out`, by id. */
export function addUserViews(out: Map<string, UserView>, rows: Record<string, unknown>[]): Map<string, UserView> {
  for (const r of rows) out.set(asStr(r.id), { row: toUserRow(r), groups: parseGroups(r.groupsJson), roles: parseRoles(r.rolesJson) });
  return out;
}

/** Users of the directory with their groups and role keys, one query per USER_VIEW_CHUNK ids. */
export function* userViews(env: SqlEnv, directoryId: string, ids: string[]): SqlProgram<Map<string, UserView>> {
  const out = new Map<string, UserView>();
  for (const part of chunked([...new Set(ids)], USER_VIEW_CHUNK)) addUserViews(out, yield* rowsOf(userViewsOp(env, directoryId, part)));
  return out;
}

export function* removeUser({ directoryId, id }: { directoryId: string; id: string }): SqlProgram<boolean> {
  return (yield* run(`DELETE FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?`, [id, directoryId])) > 0;
}
