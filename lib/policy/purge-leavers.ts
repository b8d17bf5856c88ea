// The "delete after N days" leaving policy, applied by the retention job: users inactive for longer than their
// organization's N are deleted, each with its directory.user.deleted, a bounded batch per directory and run.
import { read } from '../db/database';
import { all } from '../db/sql-program';
import { deleteExpiredLeaver } from '../directory/users/delete';

const BATCH = 500;

/** Deletes the expired leavers of every organization whose policy says so; returns how many. */
export async function purgeLeavers(now = Date.now()): Promise<number> {
  const dirs = await read(() =>
    all(
      `SELECT d."id" AS "directoryId", d."organizationId", o."hostId", p."deleteAfterDays" FROM "OrganizationPolicy" p
       JOIN "Organization" o ON o."id" = p."organizationId" JOIN "Directory" d ON d."organizationId" = p."organizationId"
       WHERE p."leaving" = 'delete_after' AND p."deleteAfterDays" IS NOT NULL`,
    ),
  );
  let removed = 0;
  for (const d of dirs) {
    const scope = { hostId: String(d.hostId), organizationId: String(d.organizationId), directoryId: String(d.directoryId) };
    const cutoff = new Date(now - Number(d.deleteAfterDays) * 86_400_000);
    // The (directoryId, deactivatedAt) index: a range read. Reactivated users have no deactivatedAt.
    const ids = await read(() =>
      all(`SELECT "id" FROM "DirectoryUser" WHERE "directoryId" = ? AND "deactivatedAt" <= ? ORDER BY "deactivatedAt" LIMIT ${BATCH}`, [
        scope.directoryId,
        cutoff,
      ]),
    );
    for (const { id } of ids) if (await deleteExpiredLeaver({ ...scope, id: String(id) }, cutoff)) removed++;
  }
  return removed;
}
