// An organization's life as the host drives it (host API, dashboard): created, renamed or given another
// externalId, deleted; each with its audit entry in the same transaction. An externalId is unique per host (a
// unique index since migration 0006): a clash is a clear 409, never a second organization for one customer.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { isUniqueViolation } from '../db/errors';
import type { SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import { deleteOrganization } from '../directory/delete-directory';
import { createOrganization, findOrganization, findOrganizationByExternalId, renameOrganization, type OrganizationRow } from './organizations';

const clash = (externalId: string) => new DomainError('conflict', `Another organization already has externalId "${externalId}"`);

function* assertExternalIdFree(hostId: string, externalId: string | null | undefined, except?: string): SqlProgram<void> {
  if (!externalId) return;
  const other = yield* findOrganizationByExternalId({ hostId, externalId });
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

export function addOrganization({
  hostId,
  actor,
  name,
  externalId,
}: {
  hostId: string;
  actor: string;
  name: string;
  externalId?: string | null;
}): Promise<OrganizationRow> {
  return guarded(externalId, () =>
    write(function* (env) {
      yield* assertExternalIdFree(hostId, externalId);
      const org = yield* createOrganization(env, { hostId, name, externalId });
      yield* auditSql(env, {
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

export function updateOrganization({
  hostId,
  actor,
  id,
  name,
  externalId,
}: {
  hostId: string;
  actor: string;
  id: string;
  name?: string;
  externalId?: string | null;
}): Promise<OrganizationRow> {
  return guarded(externalId, () =>
    write(function* (env) {
      const org = yield* findOrganization({ hostId, id });
      if (!org) throw new DomainError('not_found', 'Organization not found');
      yield* assertExternalIdFree(hostId, externalId, org.id);
      const row = yield* renameOrganization(env, org.id, { name, externalId });
      const changed = Object.fromEntries(Object.entries({ name, externalId }).filter(([k, v]) => v !== undefined && v !== org[k as 'name' | 'externalId']));
      if (Object.keys(changed).length)
        yield* auditSql(env, { hostId, organizationId: org.id, actor, action: 'organization.updated', target: org.id, details: changed });
      return row;
    }),
  );
}

/** One organization of the host, or null (pages and actions, which never open the database themselves). */
export const readOrganization = (scope: { hostId: string; id: string }): Promise<OrganizationRow | null> => read(() => findOrganization(scope));

export async function removeOrganization({ hostId, actor, id }: { hostId: string; actor: string; id: string }): Promise<void> {
  const org = await readOrganization({ hostId, id });
  if (!org) throw new DomainError('not_found', 'Organization not found');
  await deleteOrganization({ hostId, organizationId: id });
  // After the deletion (its cascade would take an entry naming the organization's id with it: audit rows have no
  // foreign key, so this one stays).
  await write((env) =>
    auditSql(env, { hostId, organizationId: id, actor, action: 'organization.deleted', target: id, details: { name: org.name, externalId: org.externalId } }),
  );
}
