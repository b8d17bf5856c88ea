// Group memberships as rows, written by SQL programs. Adds and removes report exactly which rows changed (for
// events); two concurrent writers adding the same member never fail or double the row (ON CONFLICT DO NOTHING
// … RETURNING, on both databases).
import { asStr } from '../db/fast-read';
import { nowSql } from '../db/sql-now';
import { all, allOp, chunked, marks, one, rowsOf, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';
import type { NewMember } from './membership-store';

/** Members one statement adds or removes at most (`addMembersOp`, `removeMembersOp`). */
export const ADD_CHUNK = 300;
export const REMOVE_CHUNK = 500;

type GroupScope = { directoryId: string; groupId: string };

/**
 * Inserts up to ADD_CHUNK members that are users of this directory (other ids are ignored, rows already there are
 * skipped) and returns the added user ids as rows. `WHERE true` keeps SQLite from reading ON CONFLICT as a join
 * constraint; VALUES columns are column1/column2 on both databases.
 */
export function addMembersOp(env: SqlEnv, { directoryId, groupId }: GroupScope, part: NewMember[]): SqlOp {
  return allOp(
    `INSERT INTO "GroupMembership" ("groupId", "userId", "directoryId", "display", "createdAt")
     SELECT ?, u."id", u."directoryId", v.column2, ${nowSql(env)} FROM (VALUES ${part.map(() => '(?, ?)').join(', ')}) AS v
     JOIN "DirectoryUser" u ON u."id" = v.column1 AND u."directoryId" = ? WHERE true
     ON CONFLICT DO NOTHING RETURNING "userId"`,
    [groupId, ...part.flatMap((m) => [m.userId, m.display ?? null]), directoryId],
  );
}

/** Deletes up to REMOVE_CHUNK members (absent ones are a no-op) and returns the removed user ids as rows. */
export function removeMembersOp(groupId: string, part: string[]): SqlOp {
  return allOp(`DELETE FROM "GroupMembership" WHERE "groupId" = ? AND "userId" IN (${marks(part.length)}) RETURNING "userId"`, [groupId, ...part]);
}

export const userIdsOf = (rows: Record<string, unknown>[]): string[] => rows.map((r) => asStr(r.userId));

/** One entry per user: the last one given wins (its display). */
export const uniqueMembers = (members: NewMember[]): NewMember[] => [...new Map(members.map((m) => [m.userId, m])).values()];

/** Adds members that are users of this directory (other ids are ignored); returns the user ids actually added. */
export function* addMembers(env: SqlEnv, scope: GroupScope, members: NewMember[]): SqlProgram<string[]> {
  const added: string[] = [];
  for (const part of chunked(uniqueMembers(members), ADD_CHUNK)) added.push(...userIdsOf(yield* rowsOf(addMembersOp(env, scope, part))));
  return added;
}

/** Removes the given members (absent ones are a no-op); returns the user ids actually removed. */
export function* removeMembers(groupId: string, userIds: string[]): SqlProgram<string[]> {
  const removed: string[] = [];
  for (const part of chunked([...new Set(userIds)], REMOVE_CHUNK)) removed.push(...userIdsOf(yield* rowsOf(removeMembersOp(groupId, part))));
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
