// The one reader and writer of OrganizationPolicy: the provisioning policy a host sets per organization. An
// organization without a row has the defaults.
import { asDateOrNull, insertOp, jsonOf, updateOp } from '../db/rows';
import { allOp, changes, rowsOf, together, type SqlEnv, type SqlOp, type SqlProgram, type SqlRow } from '../db/sql-program';
import type { LeavingMode } from '../schemas/policy';
import { seatLimitOp } from './seats';

export interface ProvisioningPolicy {
  leaving: { mode: LeavingMode; deleteAfterDays: number | null };
  /** Lower-cased; empty accepts any domain. */
  domains: string[];
  seatLimit: number | null;
  updatedAt: Date | null;
}

const DEFAULT_POLICY: ProvisioningPolicy = { leaving: { mode: 'deactivate', deleteAfterDays: null }, domains: [], seatLimit: null, updatedAt: null };

/** The statement reading the organization's policy (read with policyOfRow), to send with others. */
export const policyOp = (organizationId: string): SqlOp =>
  allOp(`SELECT "leaving", "deleteAfterDays", "domains", "seatLimit", "updatedAt" FROM "OrganizationPolicy" WHERE "organizationId" = ?`, [organizationId]);

export function policyOfRow(r: SqlRow | undefined): ProvisioningPolicy {
  if (!r) return DEFAULT_POLICY;
  const int = (v: unknown) => (v == null ? null : Number(v));
  return {
    leaving: { mode: String(r.leaving) as LeavingMode, deleteAfterDays: int(r.deleteAfterDays) },
    domains: jsonOf<string[]>(r.domains, []),
    seatLimit: int(r.seatLimit),
    updatedAt: asDateOrNull(r.updatedAt),
  };
}

/** The organization's policy (the defaults when it has none). */
export function* readPolicy(organizationId: string): SqlProgram<ProvisioningPolicy> {
  return policyOfRow((yield* rowsOf(policyOp(organizationId)))[0]);
}

/**
 * Writes the organization's policy, and its seat limit beside the seats count; the organization's row is locked
 * first, so two saves take turns (the second updates the row the first inserted).
 */
export function* savePolicy(env: SqlEnv, organizationId: string, policy: Omit<ProvisioningPolicy, 'updatedAt'>): SqlProgram<void> {
  const lock = env.dialect.lockRows('Organization', [organizationId]);
  if (lock.length) yield* together(lock);
  const cols = {
    leaving: policy.leaving.mode,
    deleteAfterDays: policy.leaving.deleteAfterDays,
    domains: JSON.stringify(policy.domains),
    seatLimit: policy.seatLimit,
  };
  const updated = yield* changes(updateOp(env.dialect, 'OrganizationPolicy', cols, '"organizationId" = ?', [organizationId]));
  if (!updated) yield* changes(insertOp(env.dialect, 'OrganizationPolicy', [{ organizationId, ...cols }]));
  yield* changes(seatLimitOp(organizationId, policy.seatLimit));
}
