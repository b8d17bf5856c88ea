// Prisma reads of group memberships for the SCIM, portal and host-API readers (writes: membership-sql.ts).
import type { Tx } from '../db/client';

export interface NewMember {
  userId: string;
  display?: string | null;
}

/** Members of a group; with `directoryId`, only if the group is that directory's (else 0, like an unknown group). */
export function countMembers(db: Tx, { groupId, directoryId }: { groupId: string; directoryId?: string }): Promise<number> {
  return db.groupMembership.count({ where: { groupId, ...(directoryId ? { directoryId } : {}) } });
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
