// Group memberships as rows of GroupMembership, never a JSON array: adding one member to a 50,000-member group
// touches one row. Adds and removes report exactly which rows changed (for events); two concurrent writers adding
// the same member never fail or double the row (ON CONFLICT DO NOTHING … RETURNING, on both databases).
import { all, allOp, chunked, one, rowsOf, runOp, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';

export interface NewMember {
  userId: string;
  display?: string | null;
}

export interface MemberRef {
  userId: string;
  display: string | null;
}

/** Members one statement adds or removes at most (`addMembersOp`, `removeMembersOp`). */
export const ADD_CHUNK = 300;
export const REMOVE_CHUNK = 500;

type GroupScope = { directoryId: string; groupId: string };

/**
 * Inserts up to ADD_CHUNK members that are SCIM users of this directory (other ids, and users the IdP deleted, are ignored; rows already there are
 * skipped) and returns the added user ids as rows. The users are key-share locked (as the foreign key check locks them):
 * one the IdP is deleting meanwhile is read again once deleted, and left out. `WHERE true` keeps SQLite from reading ON CONFLICT as a join
 * constraint; VALUES columns are column1/column2 on both databases.
 */
export function addMembersOp(env: SqlEnv, { directoryId, groupId }: GroupScope, part: NewMember[]): SqlOp {
  return allOp(
    `INSERT INTO "GroupMembership" ("groupId", "userId", "directoryId", "display", "createdAt")
     SELECT ?, u."id", u."directoryId", v.column2, ${env.dialect.now} FROM (VALUES ${part.map(() => '(?, ?)').join(', ')}) AS v
     JOIN "DirectoryUser" u ON u."id" = v.column1 AND u."directoryId" = ? AND u."removedAt" IS NULL WHERE true${env.dialect.keyShareOf('u')}
     ON CONFLICT DO NOTHING RETURNING "userId"`,
    [groupId, ...part.flatMap((m) => [m.userId, m.display ?? null]), directoryId],
  );
}

/** Deletes up to REMOVE_CHUNK members (absent ones are a no-op) and returns the removed user ids as rows. */
export function removeMembersOp(env: SqlEnv, groupId: string, part: string[]): SqlOp {
  const [inIds, param] = env.dialect.inList('"userId"', part);
  return allOp(`DELETE FROM "GroupMembership" WHERE "groupId" = ? AND ${inIds} RETURNING "userId"`, [groupId, param]);
}

export const userIdsOf = (rows: Record<string, unknown>[]): string[] => rows.map((r) => String(r.userId));

/** One entry per user: the last one given wins (its display). */
export const uniqueMembers = (members: NewMember[]): NewMember[] => [...new Map(members.map((m) => [m.userId, m])).values()];

/** Adds members that are users of this directory (other ids are ignored); returns the user ids actually added. */
export function* addMembers(env: SqlEnv, scope: GroupScope, members: NewMember[]): SqlProgram<string[]> {
  const added: string[] = [];
  for (const part of chunked(uniqueMembers(members), ADD_CHUNK)) added.push(...userIdsOf(yield* rowsOf(addMembersOp(env, scope, part))));
  return added;
}

/** Removes the given members (absent ones are a no-op); returns the user ids actually removed. */
export function* removeMembers(env: SqlEnv, groupId: string, userIds: string[]): SqlProgram<string[]> {
  const removed: string[] = [];
  for (const part of chunked([...new Set(userIds)], REMOVE_CHUNK)) removed.push(...userIdsOf(yield* rowsOf(removeMembersOp(env, groupId, part))));
  return removed;
}

/** Removes every member; returns their user ids. */
export function* clearMembers(groupId: string): SqlProgram<string[]> {
  return userIdsOf(yield* all(`DELETE FROM "GroupMembership" WHERE "groupId" = ? RETURNING "userId"`, [groupId]));
}

export function* memberIds(groupId: string): SqlProgram<string[]> {
  return userIdsOf(yield* all(`SELECT "userId" FROM "GroupMembership" WHERE "groupId" = ? ORDER BY "userId"`, [groupId]));
}

/** A group's members (its memberCount); with `directoryId`, only a group of that directory (another reads as empty). */
export function* countMembers(groupId: string, directoryId?: string): SqlProgram<number> {
  const inDirectory = directoryId === undefined ? '' : ' AND "directoryId" = ?';
  const params = directoryId === undefined ? [groupId] : [groupId, directoryId];
  return Number((yield* one(`SELECT "memberCount" FROM "DirectoryGroup" WHERE "id" = ?${inDirectory}`, params))?.memberCount ?? 0);
}

/**
 * A user's memberships removed (it leaves SCIM, or is deleted): first each of its groups' member count, then the
 * rows, in this order in one transaction. On a user's deletion the rows go by the foreign key's cascade.
 */
export function leavingGroupsOps(userId: string, directoryId: string, rows: 'delete' | 'cascade'): SqlOp[] {
  const counts = runOp(
    `UPDATE "DirectoryGroup" SET "memberCount" = "memberCount" - 1
     WHERE "id" IN (SELECT "groupId" FROM "GroupMembership" WHERE "userId" = ? AND "directoryId" = ?)`,
    [userId, directoryId],
  );
  return rows === 'delete' ? [counts, runOp(`DELETE FROM "GroupMembership" WHERE "userId" = ? AND "directoryId" = ?`, [userId, directoryId])] : [counts];
}

/** A page of a group's members in member order after `afterUserId` (a range of the membership key). */
export function* memberPage(groupId: string, afterUserId: string, limit: number): SqlProgram<MemberRef[]> {
  const rows = yield* all(`SELECT "userId", "display" FROM "GroupMembership" WHERE "groupId" = ? AND "userId" > ? ORDER BY "userId" LIMIT ?`, [
    groupId,
    afterUserId,
    limit,
  ]);
  return rows.map((r) => ({ userId: String(r.userId), display: r.display === null ? null : String(r.display) }));
}

/** The members of each group, by user id: what a SCIM Group's `members` shows. */
export function* membersOf(env: SqlEnv, groupIds: string[]): SqlProgram<Map<string, MemberRef[]>> {
  const out = new Map<string, MemberRef[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return out;
  const [inIds, param] = env.dialect.inList('"groupId"', groupIds);
  for (const r of yield* all(`SELECT "groupId", "userId", "display" FROM "GroupMembership" WHERE ${inIds} ORDER BY "groupId", "userId"`, [param])) {
    out.get(String(r.groupId))?.push({ userId: String(r.userId), display: r.display === null ? null : String(r.display) });
  }
  return out;
}
