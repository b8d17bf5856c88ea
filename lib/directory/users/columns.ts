// A user's columns (prisma/schema.base.prisma's DirectoryUser and UserEmail) derived from a canonical SCIM User
// (normalizeUser's output), and which SCIM attributes filter and sort on them. `raw` keeps the rest. Adding a
// column: derive it in `userColumns` (the type checker asks for it), name it in USER_BACKINGS to filter and sort on
// it, and bump USER_COLUMNS_VERSION (docs/architecture.md, "Adding a user attribute").
import type { DirectoryUserInsert } from '../../db/schema';
import { COMMON_BACKINGS, type ResourceBackings } from '../../scim/filter/attributes';
import { fitsIndex } from '../indexable';
import { isScimObject } from '../../scim/resources/scim-json';
import { ENTERPRISE_USER_URN, USER_URN, type ScimObject, type ScimValue } from '../../scim/types';

export interface UserEmailColumns {
  valueLower: string;
  type: string | null;
  primary: boolean;
}

/**
 * The version of the derivation below: bump it when a column is added or derived differently, and every user's
 * columns are recomputed from its stored resource at the next start (recompute.ts).
 */
export const USER_COLUMNS_VERSION = 2;

/** Every DirectoryUser column a SCIM resource decides. */
// deactivatedAt is when `active` last turned off (users/rewrite.ts), not something the resource says.
export type UserColumns = Omit<
  DirectoryUserInsert,
  | 'id'
  | 'directoryId'
  | 'raw'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'deactivatedAt'
  | 'removedAt'
  | 'customAttributes'
  | 'attributeWarnings'
  | 'mappingVersion'
> & {
  emails: UserEmailColumns[];
};

const str = (v: ScimValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
const lower = (v: ScimValue | undefined): string | null => str(v)?.toLowerCase() ?? null;
const obj = (v: ScimValue | undefined): ScimObject => (isScimObject(v) ? v : {});
/**
 * A free-text attribute (any length up to SCIM_MAX_STRING_LENGTH) indexed for filters: kept when it fits the index,
 * else left out of it (the resource keeps it; a filter on it does not find that user).
 */
const lowerIfIndexable = (v: ScimValue | undefined): string | null => {
  const l = lower(v);
  return l !== null && fitsIndex(l) ? l : null;
};

export function userColumns(resource: ScimObject): UserColumns {
  const name = obj(resource.name);
  const enterprise = obj(resource[ENTERPRISE_USER_URN]);
  const emails: UserEmailColumns[] = (Array.isArray(resource.emails) ? resource.emails : []).filter(isScimObject).flatMap((e) => {
    const valueLower = lower(e.value);
    return valueLower === null ? [] : [{ valueLower, type: lower(e.type), primary: e.primary === true }];
  });
  // Stored exactly as sent: Okta's 2017 SPEC test fails if it comes back lower-cased.
  const userName = typeof resource.userName === 'string' ? resource.userName : '';
  return {
    userName,
    userNameLower: userName.toLowerCase(),
    externalId: str(resource.externalId),
    displayNameLower: lower(resource.displayName),
    givenNameLower: lower(name.givenName),
    familyNameLower: lower(name.familyName),
    titleLower: lowerIfIndexable(resource.title),
    emailLower: (emails.find((e) => e.primary) ?? emails[0])?.valueLower ?? null,
    employeeNumber: str(enterprise.employeeNumber),
    managerId: str(obj(enterprise.manager).value),
    // RFC 7643 leaves an absent `active` undefined; a user provisioned without it is treated as active.
    active: resource.active !== false,
    emails,
  };
}

/**
 * What backs each filterable User attribute. Case-insensitive attributes are kept lower-cased; ids, externalId,
 * employeeNumber and manager are case-exact (RFC 7643 §3.1), so member and manager references are too.
 */
export const USER_BACKINGS: ResourceBackings = {
  resource: 'User',
  table: 'DirectoryUser',
  coreUrn: USER_URN,
  core: {
    ...COMMON_BACKINGS,
    userName: { column: 'userNameLower', lower: true },
    displayName: { column: 'displayNameLower', lower: true },
    'name.givenName': { column: 'givenNameLower', lower: true },
    'name.familyName': { column: 'familyNameLower', lower: true },
    title: { column: 'titleLower', lower: true },
    active: { column: 'active' },
    // Email addresses and Entra's `type eq "work"` are stored lower-cased: they match whatever case was sent.
    emails: {
      table: 'UserEmail',
      key: 'userId',
      subs: { value: { column: 'valueLower', lower: true }, type: { column: 'type', lower: true }, primary: { column: 'primary' } },
      defaultSub: 'value',
    },
    groups: { table: 'GroupMembership', key: 'userId', subs: { value: { column: 'groupId' } }, defaultSub: 'value' },
  },
  extensions: {
    [ENTERPRISE_USER_URN]: {
      employeeNumber: { column: 'employeeNumber' },
      manager: { column: 'managerId' },
      'manager.value': { column: 'managerId' },
    },
  },
  // A multi-valued attribute sorts by its primary value (RFC 7644 §3.4.2.3).
  sortBy: { emails: { column: 'emailLower', lower: true }, 'emails.value': { column: 'emailLower', lower: true } },
};
