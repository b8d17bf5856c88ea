// Organizations belong to one host; every lookup takes the host id so one host never sees another's.
import type { Tx } from '../db/client';
import type { OrganizationRow } from '../db/schema';
import { run, type SqlProgram } from '../db/sql-program';
import { newId } from '../ids';

export type { OrganizationRow } from '../db/schema';

export function createOrganization(
  db: Tx,
  { hostId, name, externalId }: { hostId: string; name: string; externalId?: string | null },
): Promise<OrganizationRow> {
  return db.organization.create({ data: { id: newId('org'), hostId, name, nameLower: name.toLowerCase(), externalId: externalId ?? null } });
}

export function findOrganization(db: Tx, { hostId, id }: { hostId: string; id: string }): Promise<OrganizationRow | null> {
  return db.organization.findFirst({ where: { id, hostId } });
}

export function listOrganizations(
  db: Tx,
  { hostId, take, after, externalId }: { hostId: string; take: number; after?: { createdAt: Date; id: string }; externalId?: string },
): Promise<OrganizationRow[]> {
  return db.organization.findMany({
    where: { hostId, ...(externalId !== undefined ? { externalId } : {}), ...(after ? afterCursor(after) : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
  });
}

/** Keyset condition for (createdAt, id) ordering. */
function afterCursor(after: { createdAt: Date; id: string }) {
  return {
    OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
  };
}

/** Deletes an organization of this host (its directories first: delete-directory.ts); false when there is none. */
export function* removeOrganization({ hostId, id }: { hostId: string; id: string }): SqlProgram<boolean> {
  return (yield* run(`DELETE FROM "Organization" WHERE "id" = ? AND "hostId" = ?`, [id, hostId])) > 0;
}
