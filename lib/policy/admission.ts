// Who comes in (issue 19): a user created or reactivated must be on one of the organization's domains and find a
// free seat. A refusal is a DomainError 'refused' (SCIM 403) whose message names the domain or the limit.
import { allOp, rowsOf, together, type SqlEnv, type SqlOp, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import type { PendingEvent } from '../events/event-types';
import type { ProvisioningPolicy } from './policy-store';

/** Why a policy refused someone: the decision log's words. */
export type RefusalReason = 'domain' | 'seat_limit';

export class PolicyRefusal extends DomainError {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super('refused', message);
  }
}

/** What the domain policy looks at: a user's userName and primary (else first) email, lower-cased. */
export interface UserDomains {
  userNameLower: string;
  emailLower: string | null;
}

function domainsOf({ userNameLower, emailLower }: UserDomains): string[] {
  const at = (v: string | null) => (v && v.includes('@') ? v.slice(v.lastIndexOf('@') + 1) : null);
  return [...new Set([at(userNameLower), at(emailLower)].filter((d): d is string => !!d))];
}

/** A listed domain covers itself and its subdomains ("acme.com" takes "eu.acme.com"). */
const onDomain = (domain: string, listed: string[]) => listed.some((l) => domain === l || domain.endsWith(`.${l}`));

export function checkDomains(policy: ProvisioningPolicy, user: UserDomains): void {
  if (policy.domains.length === 0) return;
  const found = domainsOf(user);
  const foreign = found.length ? found.find((d) => !onDomain(d, policy.domains)) : '(none)';
  if (foreign !== undefined) {
    throw new PolicyRefusal(
      'domain',
      `Refused by the organization's provisioning policy: the domain "${foreign}" is not one of its domains (${policy.domains.join(', ')})`,
    );
  }
}

/** Whether a rewrite moves a user to a domain it wasn't on (or to none): such a rename is checked like a create. */
export function movesDomain(before: UserDomains, after: UserDomains): boolean {
  const [had, has] = [domainsOf(before), domainsOf(after)];
  return has.length === 0 ? had.length > 0 : has.some((d) => !had.includes(d));
}

/**
 * Takes a seat for one more active user, or refuses. On PostgreSQL the organization's row is locked first, so
 * concurrent creates and reactivations of one organization count one after the other and never pass the limit
 * (SQLite runs one write at a time). The count stops at the limit: its cost is bounded by the limit, not the
 * directory. Returns the event to write when this seat is the last.
 */
export function* takeSeat(env: SqlEnv, organizationId: string, policy: ProvisioningPolicy): SqlProgram<PendingEvent[]> {
  const limit = policy.seatLimit;
  if (limit == null) return [];
  // The lock and the count in one trip: the count is a statement of its own after the lock, so it sees every seat
  // taken by a transaction that held the lock before.
  const lock = env.dialect.lockRows('Organization', [organizationId]);
  const results = yield* together([...lock, activeUsersOp(organizationId, limit)]);
  const used = Number(results[lock.length][0]?.n ?? 0);
  if (used >= limit) {
    throw new PolicyRefusal('seat_limit', `Refused by the organization's provisioning policy: its seat limit of ${limit} active users is reached`);
  }
  return used + 1 === limit ? [{ type: 'organization.seat_limit_reached', data: { organizationId, seatLimit: limit, activeUsers: limit } }] : [];
}

const ACTIVE_IN_ORG = `SELECT 1 FROM "DirectoryUser" u WHERE u."directoryId" IN (SELECT "id" FROM "Directory" WHERE "organizationId" = ?) AND u."active" = ?`;

/** The count of active users across the organization's directories (the seats used), up to `upTo` when given. */
const activeUsersOp = (organizationId: string, upTo?: number): SqlOp =>
  upTo === undefined
    ? allOp(`SELECT COUNT(*) AS "n" FROM (${ACTIVE_IN_ORG}) seats`, [organizationId, true])
    : allOp(`SELECT COUNT(*) AS "n" FROM (${ACTIVE_IN_ORG} LIMIT ?) seats`, [organizationId, true, upTo]);

/** Active users across the organization's directories (the seats used), counted up to `upTo` when given. */
export function* activeUsers(organizationId: string, upTo?: number): SqlProgram<number> {
  return Number((yield* rowsOf(activeUsersOp(organizationId, upTo)))[0]?.n ?? 0);
}

/** The admission of a user created or coming back: its domains, then a seat. */
export function* admit(env: SqlEnv, organizationId: string, policy: ProvisioningPolicy, user: UserDomains): SqlProgram<PendingEvent[]> {
  checkDomains(policy, user);
  return yield* takeSeat(env, organizationId, policy);
}
