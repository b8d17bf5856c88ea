// An organization's life as the host drives it (host API, dashboard): created, renamed or given another
// externalId, deleted; each with its audit entry in the same transaction. An externalId is unique per host (a
// unique index since migration 0006): a clash is a clear 409, never a second organization for one customer.
import { audit } from '../audit/audit-log';
import type { Db, Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { transaction } from '../db/transaction';
import { DomainError } from '../domain-error';
import { deleteOrganization } from '../directory/delete-directory';
import { createOrganization, findOrganization, type OrganizationRow } from './organizations';

const clash = (externalId: string) => new DomainError('conflict', `Another organization already has externalId "${externalId}"`);

async function assertExternalIdFree(tx: Tx, hostId: string, externalId: string | null | undefined, except?: string): Promise<void> {
  if (!externalId) return;
  const other = await tx.organization.findFirst({ where: { hostId, externalId }, select: { id: true } });
  if (other && other.id !== except) throw clash(externalId);
}

/** A unique violation from a race between the check and the write is the same clash. */
async function guarded<T>(externalId: string | null | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (externalId && isUniqueViolation(e)) throw clash(externalId);
    throw e;
  }
}

export function addOrganization(
  db: Db,
  { hostId, actor, name, externalId }: { hostId: string; actor: string; name: string; externalId?: string | null },
): Promise<OrganizationRow> {
  return guarded(externalId, () =>
    transaction(db, async (tx) => {
      await assertExternalIdFree(tx, hostId, externalId);
      const org = await createOrganization(tx, { hostId, name, externalId });
      await audit(tx, {
        hostId,
        organizationId: org.id,
        actor,
        action: 'organization.created',
        target: org.id,
        details: { name, externalId: externalId ?? null },
      });
      return org;
    }),
  );
}

export function updateOrganization(
  db: Db,
  { hostId, actor, id, name, externalId }: { hostId: string; actor: string; id: string; name?: string; externalId?: string | null },
): Promise<OrganizationRow> {
  return guarded(externalId, () =>
    transaction(db, async (tx) => {
      const org = await findOrganization(tx, { hostId, id });
      if (!org) throw new DomainError('not_found', 'Organization not found');
      await assertExternalIdFree(tx, hostId, externalId, org.id);
      const data = { ...(name !== undefined ? { name, nameLower: name.toLowerCase() } : {}), ...(externalId !== undefined ? { externalId } : {}) };
      const row = await tx.organization.update({ where: { id: org.id }, data });
      const changed = Object.fromEntries(Object.entries({ name, externalId }).filter(([k, v]) => v !== undefined && v !== org[k as 'name' | 'externalId']));
      if (Object.keys(changed).length)
        await audit(tx, { hostId, organizationId: org.id, actor, action: 'organization.updated', target: org.id, details: changed });
      return row;
    }),
  );
}

export async function removeOrganization(db: Db, { hostId, actor, id }: { hostId: string; actor: string; id: string }): Promise<void> {
  const org = await findOrganization(db, { hostId, id });
  if (!org) throw new DomainError('not_found', 'Organization not found');
  await deleteOrganization({ hostId, organizationId: id });
  // After the deletion (its cascade would take an entry naming the organization's id with it: audit rows have no
  // foreign key, so this one stays).
  await transaction(db, (tx) =>
    audit(tx, { hostId, organizationId: id, actor, action: 'organization.deleted', target: id, details: { name: org.name, externalId: org.externalId } }),
  );
}
