// Organizations belong to one host; every lookup takes the host id so one host never sees another's. The one
// reader and writer of Organization.
import { columns, decode, insertOp, updateOp } from '../db/rows';
import type { OrganizationRow } from '../db/schema';
import { all, one, rowsOf, run, type SqlEnv, type SqlProgram, type SqlValue } from '../db/sql-program';
import { afterKey } from '../directory/keyset';
import { newId } from '../ids';

export type { OrganizationRow } from '../db/schema';

export function* createOrganization(
  env: SqlEnv,
  { hostId, name, externalId }: { hostId: string; name: string; externalId?: string | null },
): SqlProgram<OrganizationRow> {
  const row = { id: newId('org'), hostId, name, nameLower: name.toLowerCase(), externalId: externalId ?? null };
  const [r] = yield* rowsOf(insertOp(env.dialect, 'Organization', [row], { returning: columns('Organization') }));
  return decode('Organization', r);
}

export function* findOrganization({ hostId, id }: { hostId: string; id: string }): SqlProgram<OrganizationRow | null> {
  const r = yield* one(`SELECT ${columns('Organization')} FROM "Organization" WHERE "id" = ? AND "hostId" = ?`, [id, hostId]);
  return r ? decode('Organization', r) : null;
}

/** The organization of the host with this externalId (unique per host), or null. */
export function* findOrganizationByExternalId({ hostId, externalId }: { hostId: string; externalId: string }): SqlProgram<OrganizationRow | null> {
  const r = yield* one(`SELECT ${columns('Organization')} FROM "Organization" WHERE "hostId" = ? AND "externalId" = ?`, [hostId, externalId]);
  return r ? decode('Organization', r) : null;
}

/** An organization by id alone, for a session that already names its organization (the portal's). */
export function* organizationById(id: string): SqlProgram<OrganizationRow | null> {
  const r = yield* one(`SELECT ${columns('Organization')} FROM "Organization" WHERE "id" = ?`, [id]);
  return r ? decode('Organization', r) : null;
}

export function* listOrganizations({
  hostId,
  take,
  after,
  externalId,
}: {
  hostId: string;
  take: number;
  after?: { createdAt: Date; id: string };
  externalId?: string;
}): SqlProgram<OrganizationRow[]> {
  const params: SqlValue[] = [hostId];
  const conds = ['"hostId" = ?'];
  if (externalId !== undefined) {
    conds.push('"externalId" = ?');
    params.push(externalId);
  }
  if (after) conds.push(afterKey('"Organization"', after, params));
  const rows = yield* all(`SELECT ${columns('Organization')} FROM "Organization" WHERE ${conds.join(' AND ')} ORDER BY "createdAt", "id" LIMIT ?`, [
    ...params,
    take,
  ]);
  return rows.map((r) => decode('Organization', r));
}

export function* countOrganizations(hostId: string): SqlProgram<number> {
  return Number((yield* one(`SELECT count(*) AS "n" FROM "Organization" WHERE "hostId" = ?`, [hostId]))?.n ?? 0);
}

export function* renameOrganization(env: SqlEnv, id: string, { name, externalId }: { name?: string; externalId?: string | null }): SqlProgram<OrganizationRow> {
  const set = { ...(name !== undefined ? { name, nameLower: name.toLowerCase() } : {}), ...(externalId !== undefined ? { externalId } : {}) };
  const [r] = yield* rowsOf(updateOp(env.dialect, 'Organization', set, '"id" = ?', [id], columns('Organization')));
  return decode('Organization', r);
}

/** Deletes an organization of this host (its directories first: delete-directory.ts); false when there is none. */
export function* removeOrganization({ hostId, id }: { hostId: string; id: string }): SqlProgram<boolean> {
  return (yield* run(`DELETE FROM "Organization" WHERE "id" = ? AND "hostId" = ?`, [id, hostId])) > 0;
}
