// Request bodies shaped like Okta's (../shared/scim/idp-behaviour.md §1.4): user POST, group POST, membership PATCH.

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export function seededUserName(n: number): string {
  return `user${n}@example.com`;
}

/** Okta's POST /Users body (without its placeholder `password`). */
export function oktaUser(userName: string, n: number) {
  return {
    schemas: [USER_URN],
    userName,
    name: { givenName: `Given${n}`, familyName: `Family${n}` },
    emails: [{ primary: true, value: userName, type: 'work' }],
    displayName: `Given${n} Family${n}`,
    locale: 'en-US',
    externalId: `00u${n.toString(36).padStart(8, '0')}`,
    active: true,
  };
}

export function oktaGroup(displayName: string, members: { value: string; display: string }[] = []) {
  return { schemas: [GROUP_URN], displayName, members };
}

/** Okta group push: `add` with path `members` and a value list. */
export function addMembers(members: { value: string; display: string }[]) {
  return { schemas: [PATCH_OP_URN], Operations: [{ op: 'add', path: 'members', value: members }] };
}

/** Okta group push: `remove` with a value filter in the path. */
export function removeMember(userId: string) {
  return { schemas: [PATCH_OP_URN], Operations: [{ op: 'remove', path: `members[value eq "${userId}"]` }] };
}
