// The normalised DirectoryUser / UserEmail columns (prisma/schema.base.prisma) derived from a canonical
// User, i.e. normalizeUser's output: filters and sorts query these, `raw` keeps the rest.
import { ENTERPRISE_USER_URN, type ScimObject, type ScimValue } from '../types';
import { isScimObject } from './scim-json';

export interface UserEmailColumns {
  valueLower: string;
  type: string | null;
  primary: boolean;
}

export interface UserColumns {
  /** Stored exactly as sent: Okta's 2017 SPEC test fails if it comes back lower-cased. */
  userName: string;
  userNameLower: string;
  externalId: string | null;
  displayNameLower: string | null;
  givenNameLower: string | null;
  familyNameLower: string | null;
  emailLower: string | null;
  employeeNumber: string | null;
  managerId: string | null;
  active: boolean;
  emails: UserEmailColumns[];
}

const str = (v: ScimValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
const lower = (v: ScimValue | undefined): string | null => str(v)?.toLowerCase() ?? null;
const obj = (v: ScimValue | undefined): ScimObject => (isScimObject(v) ? v : {});

export function userColumns(resource: ScimObject): UserColumns {
  const name = obj(resource.name);
  const enterprise = obj(resource[ENTERPRISE_USER_URN]);
  const emails: UserEmailColumns[] = (Array.isArray(resource.emails) ? resource.emails : [])
    .filter(isScimObject)
    .flatMap((e) => {
      const valueLower = lower(e.value);
      return valueLower === null ? [] : [{ valueLower, type: lower(e.type), primary: e.primary === true }];
    });
  const userName = typeof resource.userName === 'string' ? resource.userName : '';
  return {
    userName,
    userNameLower: userName.toLowerCase(),
    externalId: str(resource.externalId),
    displayNameLower: lower(resource.displayName),
    givenNameLower: lower(name.givenName),
    familyNameLower: lower(name.familyName),
    emailLower: (emails.find((e) => e.primary) ?? emails[0])?.valueLower ?? null,
    employeeNumber: str(enterprise.employeeNumber),
    managerId: str(obj(enterprise.manager).value),
    // RFC 7643 leaves an absent `active` undefined; a user provisioned without it is treated as active.
    active: resource.active !== false,
    emails,
  };
}
