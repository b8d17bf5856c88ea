// The one reader and writer of OrganizationPolicy: the provisioning policy a host sets per organization. An
// organization without a row has the defaults.
import { asDateOrNull, insertOp, updateOp } from '../db/rows';
import { changes, one, together, type SqlEnv, type SqlProgram } from '../db/sql-program';
import type { LeavingMode } from '../schemas/policy';

export interface ProvisioningPolicy {
  leaving: { mode: LeavingMode; deleteAfterDays: number | null };
  updatedAt: Date | null;
}

export const DEFAULT_POLICY: ProvisioningPolicy = { leaving: { mode: 'deactivate', deleteAfterDays: null }, updatedAt: null };

/** The organization's policy (the defaults when it has none). */
export function* readPolicy(organizationId: string): SqlProgram<ProvisioningPolicy> {
  const r = yield* one(`SELECT "leaving", "deleteAfterDays", "updatedAt" FROM "OrganizationPolicy" WHERE "organizationId" = ?`, [organizationId]);
  if (!r) return DEFAULT_POLICY;
  const days = r.deleteAfterDays == null ? null : Number(r.deleteAfterDays);
  return { leaving: { mode: String(r.leaving) as LeavingMode, deleteAfterDays: days }, updatedAt: asDateOrNull(r.updatedAt) };
}

/**
 * Writes the organization's policy; the organization's row is locked first, so two saves take turns (the second
 * updates the row the first inserted).
 */
export function* savePolicy(env: SqlEnv, organizationId: string, policy: Omit<ProvisioningPolicy, 'updatedAt'>): SqlProgram<void> {
  const lock = env.dialect.lockRows('Organization', [organizationId]);
  if (lock.length) yield* together(lock);
  const cols = { leaving: policy.leaving.mode, deleteAfterDays: policy.leaving.deleteAfterDays };
  const updated = yield* changes(updateOp(env.dialect, 'OrganizationPolicy', cols, '"organizationId" = ?', [organizationId]));
  if (!updated) yield* changes(insertOp(env.dialect, 'OrganizationPolicy', [{ organizationId, ...cols }]));
}
