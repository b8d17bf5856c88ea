// Group memberships as rows. Adds and removes report exactly which rows changed (for events), and two concurrent
// writers adding the same member never fail or double the row: PostgreSQL uses ON CONFLICT DO NOTHING ... RETURNING;
// SQLite serialises transactions, so a read-then-write inside one is exact.
import { dialect, type Tx } from '../db/client';

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface NewMember {
  userId: string;
  display?: string | null;
}

/** Adds members that are users of this directory (other ids are ignored); returns the user ids actually added. */
export async function addMembers(
  tx: Tx,
  { directoryId, groupId }: { directoryId: string; groupId: string },
  members: NewMember[],
): Promise<string[]> {
  const added: string[] = [];
  for (const part of chunks(members)) {
    if (dialect() === 'postgres') {
      const rows = await tx.$queryRawUnsafe<{ userId: string }[]>(
        `INSERT INTO "GroupMembership" ("groupId", "userId", "directoryId", "display")
         SELECT $1, t.u, $2, t.d FROM unnest($3::text[], $4::text[]) AS t(u, d)
         JOIN "DirectoryUser" du ON du."id" = t.u AND du."directoryId" = $2
         ON CONFLICT DO NOTHING RETURNING "userId"`,
        groupId,
        directoryId,
        part.map((m) => m.userId),
        part.map((m) => m.display ?? null),
      );
      added.push(...rows.map((r) => r.userId));
      continue;
    }
    const ids = part.map((m) => m.userId);
    const users = await tx.directoryUser.findMany({ where: { directoryId, id: { in: ids } }, select: { id: true } });
    const existing = await tx.groupMembership.findMany({
      where: { groupId, userId: { in: ids } },
      select: { userId: true },
    });
    const valid = new Set(users.map((u) => u.id));
    const present = new Set(existing.map((m) => m.userId));
    const fresh = part.filter((m) => valid.has(m.userId) && !present.has(m.userId));
    if (fresh.length) {
      await tx.groupMembership.createMany({
        data: fresh.map((m) => ({ groupId, userId: m.userId, directoryId, display: m.display ?? null })),
      });
    }
    added.push(...fresh.map((m) => m.userId));
  }
  return added;
}

/** Removes the given members (absent ones are a no-op); returns the user ids actually removed. */
export async function removeMembers(tx: Tx, { groupId }: { groupId: string }, userIds: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const part of chunks(userIds)) {
    if (dialect() === 'postgres') {
      const rows = await tx.$queryRawUnsafe<{ userId: string }[]>(
        `DELETE FROM "GroupMembership" WHERE "groupId" = $1 AND "userId" = ANY($2::text[]) RETURNING "userId"`,
        groupId,
        part,
      );
      removed.push(...rows.map((r) => r.userId));
      continue;
    }
    const existing = await tx.groupMembership.findMany({ where: { groupId, userId: { in: part } }, select: { userId: true } });
    if (existing.length) await tx.groupMembership.deleteMany({ where: { groupId, userId: { in: existing.map((m) => m.userId) } } });
    removed.push(...existing.map((m) => m.userId));
  }
  return removed;
}

/** Removes every member; returns their user ids. */
export async function clearMembers(tx: Tx, { groupId }: { groupId: string }): Promise<string[]> {
  const existing = await tx.groupMembership.findMany({ where: { groupId }, select: { userId: true } });
  await tx.groupMembership.deleteMany({ where: { groupId } });
  return existing.map((m) => m.userId);
}

export function countMembers(db: Tx, { groupId }: { groupId: string }): Promise<number> {
  return db.groupMembership.count({ where: { groupId } });
}

export interface MemberRef {
  userId: string;
  display: string | null;
}

export function listMembers(
  db: Tx,
  { groupId, take, afterUserId }: { groupId: string; take?: number; afterUserId?: string },
): Promise<MemberRef[]> {
  return db.groupMembership.findMany({
    where: { groupId, ...(afterUserId ? { userId: { gt: afterUserId } } : {}) },
    select: { userId: true, display: true },
    orderBy: { userId: 'asc' },
    ...(take ? { take } : {}),
  });
}
