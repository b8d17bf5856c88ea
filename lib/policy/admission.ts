// Who comes in (issue 19): a user created or reactivated must be on one of the organization's domains and find a
// free seat (seats.ts). A refusal is a DomainError 'refused' (SCIM 403) whose message names the domain or the limit.
import { DomainError } from '../domain-error';
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
