// A host reads and changes an organization's provisioning policy (host API, and later the dashboard): each change
// one transaction with its audit entry naming the actor.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { one, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import type { UpdatePolicyInput } from '../schemas/policy';
import { seatsUsed } from './seats';
import { readPolicy, savePolicy, type ProvisioningPolicy } from './policy-store';

function* assertOrganization(hostId: string, organizationId: string): SqlProgram<void> {
  if (!(yield* one(`SELECT 1 AS "found" FROM "Organization" WHERE "id" = ? AND "hostId" = ?`, [organizationId, hostId]))) {
    throw new DomainError('not_found', 'Organization not found');
  }
}

/** The policy in force, with the seats used now. */
export function policyOf(hostId: string, organizationId: string): Promise<ProvisioningPolicy & { seatsUsed: number }> {
  return read(function* () {
    yield* assertOrganization(hostId, organizationId);
    return { ...(yield* readPolicy(organizationId)), seatsUsed: yield* seatsUsed(organizationId) };
  });
}

export function changePolicy(
  { hostId, organizationId, actor }: { hostId: string; organizationId: string; actor: string },
  input: UpdatePolicyInput,
): Promise<ProvisioningPolicy & { seatsUsed: number }> {
  return write(function* (env) {
    yield* assertOrganization(hostId, organizationId);
    const before = yield* readPolicy(organizationId);
    const after = {
      leaving: input.leaving ? { mode: input.leaving.mode, deleteAfterDays: input.leaving.deleteAfterDays ?? null } : before.leaving,
      domains: input.domains ? [...new Set(input.domains.map((d) => d.trim().toLowerCase()))].sort() : before.domains,
      seatLimit: input.seatLimit !== undefined ? input.seatLimit : before.seatLimit,
    };
    yield* savePolicy(env, organizationId, after);
    const changed = (['leaving', 'domains', 'seatLimit'] as const).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (changed.length) {
      const details = Object.fromEntries(changed.map((k) => [k, { before: before[k], after: after[k] }]));
      yield* auditSql(env, { hostId, organizationId, actor, action: 'organization.policy_changed', target: organizationId, details });
    }
    return { ...(yield* readPolicy(organizationId)), seatsUsed: yield* seatsUsed(organizationId) };
  });
}
