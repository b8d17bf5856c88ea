// Group memberships as rows, written by SQL programs. Adds and removes report exactly which rows changed (for
// events); two concurrent writers adding the same member never fail or double the row (ON CONFLICT DO NOTHING
// … RETURNING, on both databases).
import { asStr } from '../db/fast-read';
import { nowSql } from '../db/sql-now';
import { all, chunked, marks, one, type SqlEnv, type SqlProgram } from '../db/sql-program';
import type { NewMember } from './membership-store';

/** Adds members that are users of this directory (other ids are ignored); returns the user ids actually added. */
export function* addMembers(env: SqlEnv, { directoryId, groupId }: { directoryId: string; groupId: string }, members: NewMember[]): SqlProgram<string[]> {
  const added: string[] = [];
  const unique = [...new Map(members.map((m) => [m.userId, m])).values()];
  for (const part of chunked(unique, 300)) {
    // One statement: only users of this directory, and rows already there are skipped. `WHERE true` keeps
    // SQLite from reading ON CONFLICT as a join constraint; VALUES columns are column1/column2 on both databases.
    const rows = yield* all(
      `INSERT INTO "GroupMembership" ("groupId", "userId", "directoryId", "display", "createdAt")
       SELECT ?, u."id", u."directoryId", v.column2, ${nowSql(env)} FROM (VALUES ${part.map(() => '(?, ?)').join(', ')}) AS v
       JOIN "DirectoryUser" u ON u."id" = v.column1 AND u."directoryId" = ? WHERE true
       ON CONFLICT DO NOTHING RETURNING "userId"`,
      [groupId, ...part.flatMap((m) => [m.userId, m.display ?? null]), directoryId],
    );
    added.push(...rows.map((r) => asStr(r.userId)));
  }
  return added;
}

/** Removes the given members (absent ones are a no-op); returns the user ids actually removed. */
export function* removeMembers(groupId: string, userIds: string[]): SqlProgram<string[]> {
  const removed: string[] = [];
  for (const part of chunked([...new Set(userIds)], 500)) {
    const rows = yield* all(`DELETE FROM "GroupMembership" WHERE "groupId" = ? AND "userId" IN (${marks(part.length)}) RETURNING "userId"`, [groupId, ...part]);
    removed.push(...rows.map((r) => asStr(r.userId)));
  }
  return removed;
}

/** Removes every member; returns their user ids. */
export function* clearMembers(groupId: string): SqlProgram<string[]> {
  return (yield* all(`DELETE FROM "GroupMembership" WHERE "groupId" = ? RETURNING "userId"`, [groupId])).map((r) => asStr(r.userId));
}

export function* memberIds(groupId: string): SqlProgram<string[]> {
  return (yield* all(`SELECT "userId" FROM "GroupMembership" WHERE "groupId" = ? ORDER BY "userId"`, [groupId])).map((r) => asStr(r.userId));
}

export function* countMembers(groupId: string): SqlProgram<number> {
  return Number((yield* one(`SELECT COUNT(*) AS "n" FROM "GroupMembership" WHERE "groupId" = ?`, [groupId]))?.n ?? 0);
}
