// A host reads and changes an organization's provisioning policy (host API, and later the dashboard): each change
// one transaction with its audit entry naming the actor.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { one, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import type { UpdatePolicyInput } from '../schemas/policy';
import { readPolicy, savePolicy, type ProvisioningPolicy } from './policy-store';

function* assertOrganization(hostId: string, organizationId: string): SqlProgram<void> {
  if (!(yield* one(`SELECT 1 AS "found" FROM "Organization" WHERE "id" = ? AND "hostId" = ?`, [organizationId, hostId]))) {
    throw new DomainError('not_found', 'Organization not found');
  }
}

export function policyOf(hostId: string, organizationId: string): Promise<ProvisioningPolicy> {
  return read(function* () {
    yield* assertOrganization(hostId, organizationId);
    return yield* readPolicy(organizationId);
  });
}

export function changePolicy(
  { hostId, organizationId, actor }: { hostId: string; organizationId: string; actor: string },
  input: UpdatePolicyInput,
): Promise<ProvisioningPolicy> {
  return write(function* (env) {
    yield* assertOrganization(hostId, organizationId);
    const before = yield* readPolicy(organizationId);
    const leaving = input.leaving ? { mode: input.leaving.mode, deleteAfterDays: input.leaving.deleteAfterDays ?? null } : before.leaving;
    yield* savePolicy(env, organizationId, { leaving });
    if (JSON.stringify(leaving) !== JSON.stringify(before.leaving)) {
      yield* auditSql(env, { hostId, organizationId, actor, action: 'organization.policy_changed', target: organizationId, details: { leaving: { before: before.leaving, after: leaving } } });
    }
    return yield* readPolicy(organizationId);
  });
}
