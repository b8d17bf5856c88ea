// The request bodies and queries the bench sends, as Okta and Entra send them: built with the IdP fixtures every
// test tier shares (e2e/fixtures/idp, ../shared/scim/idp-behaviour.md), given deterministic names and numbers.
import * as entra from '../../e2e/fixtures/idp/entra';
import * as okta from '../../e2e/fixtures/idp/okta';
import { patchBody, type JsonObject, type MemberRef, type PatchBody } from '../../e2e/fixtures/idp/types';

export type { JsonObject, MemberRef, PatchBody };

export function seededUserName(n: number): string {
  return `user${n}@example.com`;
}

/** Okta's ids look like 00ujl29u0le5T6Aj10h7: 00u and 17 characters. */
export function externalIdOf(n: number): string {
  return `00u${n.toString(36).padStart(17, '0')}`;
}

/** Okta's POST /Users (§1.4 A.2): placeholder password, readOnly groups, locale, externalId; email = userName. */
export function oktaCreateUser(userName: string, n: number): JsonObject {
  return okta.clientCreateUserBody({ userName, givenName: `Given${n}`, familyName: `Family${n}`, externalId: externalIdOf(n) });
}

/** Okta's profile update (§1.4 D): the user as last returned, with a new givenName and Okta's own additions. */
export function oktaPutUser(returned: JsonObject, i: number): JsonObject {
  return okta.profileUpdatePutBody(returned, { givenName: `Renamed${i}` });
}

/** Okta's deactivation and reactivation (§1.4 E): a no-path replace. */
export const oktaSetActive = (active: boolean): PatchBody => okta.setActivePatch(active);

/** Entra's default job replacing several attributes, one TitleCase Replace per path (§2.2). */
export function entraReplaceSeveral(i: number): PatchBody {
  return entra.replaceSeveralDefaultJob({
    displayName: `Patched ${i}`,
    workEmail: `patched${i}@example.org`,
    givenName: `PGiven${i}`,
    familyName: `PFamily${i}`,
    externalId: `ext-patched-${i}`,
    employeeNumber: String(100_000 + i),
  });
}

export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** Okta's group push create (§1.4 F.1): no members; they follow by PATCH. */
export const oktaCreateGroup = (displayName: string): JsonObject => okta.groupCreateBody(displayName);

/** Entra's group create (§2.1 step 11): the ADSCIM schema URN, an externalId and meta in the body. */
export const entraCreateGroup = (displayName: string, n: number): JsonObject => entra.createGroupBody(displayName, `8aa1${n.toString(36).padStart(12, '0')}`);

/** Okta group push: `add` with path `members` and a value list. */
export const addMembers = (members: MemberRef[]): PatchBody =>
  patchBody({ op: 'add', path: 'members', value: members.map((m) => ({ value: m.value, display: m.display ?? '' })) });

/** Okta group push: `remove` with a value filter in the path. */
export const removeMember = (userId: string): PatchBody => okta.groupMembershipPatch([userId], []);

export const query = {
  /** Okta's lookup before assigning a user (§1.4 A.1). */
  oktaUserName: (userName: string) => okta.clientUserLookupQuery(userName),
  /** Okta's group lookup by name (§1.4 F.3). */
  oktaGroupName: (displayName: string) => okta.clientGroupLookupQuery(displayName),
  /** Okta's import, a page at a time (§1.4 B). */
  page: (startIndex: number, count: number) => okta.importPageQuery(startIndex, count),
  /** Entra's matching filters (§2.1): `attr eq "value"`, encoded with %20. */
  eq: (attr: string, value: string, extra = '') => entra.eqFilterQuery(attr, value, extra),
};
