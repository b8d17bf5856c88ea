// Directory-user writes as SQL programs (lib/db/sql-program.ts): the row, its UserEmail rows, and the readOnly
// `groups` of users. Columns come from userColumns, exactly as filters and sorts read them.
import { forUpdate, nowSql } from '../db/sql-now';
import { all, marks, one, run, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { asStr } from '../db/fast-read';
import { newId } from '../ids';
import { userColumns } from '../scim/resources/user-columns';
import type { ScimObject } from '../scim/types';
import { assertIndexable } from './indexable';
import { USER_COLUMNS, toUserRow, type UserRow } from './user-row';

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

export function* insertUser(env: SqlEnv, directoryId: string, resource: ScimObject): SqlProgram<UserRow> {
  const { cols, emails, raw } = split(resource);
  const id = newId('usr');
  const now = nowSql(env);
  const row = yield* one(
    `INSERT INTO "DirectoryUser" ("id", "directoryId", "externalId", "userName", "userNameLower", "displayNameLower", "givenNameLower",
       "familyNameLower", "emailLower", "employeeNumber", "managerId", "active", "raw", "version", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ${now}, ${now}) RETURNING ${USER_COLUMNS}`,
    [id, directoryId, ...colValues(cols), raw],
  );
  yield* writeEmails(id, directoryId, emails);
  return toUserRow(row!);
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

export function* findUsers(directoryId: string, ids: string[]): SqlProgram<UserRow[]> {
  if (ids.length === 0) return [];
  const rows = yield* all(`SELECT ${USER_COLUMNS} FROM "DirectoryUser" WHERE "directoryId" = ? AND "id" IN (${marks(ids.length)})`, [directoryId, ...ids]);
  return rows.map(toUserRow);
}

export function* removeUser({ directoryId, id }: { directoryId: string; id: string }): SqlProgram<boolean> {
  return (yield* run(`DELETE FROM "DirectoryUser" WHERE "id" = ? AND "directoryId" = ?`, [id, directoryId])) > 0;
}

/** The groups of each user, for the readOnly `groups` attribute and event payloads. */
export function* groupsOfUsers(directoryId: string, userIds: string[]): SqlProgram<Map<string, { id: string; displayName: string }[]>> {
  const out = new Map<string, { id: string; displayName: string }[]>();
  if (userIds.length === 0) return out;
  // By user id, tenant-checked on the group (a directoryId filter on memberships makes SQLite walk them all).
  const rows = yield* all(
    `SELECT m."userId", g."id", g."displayName" FROM "GroupMembership" m JOIN "DirectoryGroup" g ON g."id" = m."groupId"
     WHERE m."userId" IN (${marks(userIds.length)}) AND g."directoryId" = ? ORDER BY m."userId", m."groupId"`,
    [...userIds, directoryId],
  );
  for (const r of rows) {
    const list = out.get(asStr(r.userId)) ?? [];
    list.push({ id: asStr(r.id), displayName: asStr(r.displayName) });
    out.set(asStr(r.userId), list);
  }
  return out;
}
