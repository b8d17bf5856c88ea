// Rows → host-API JSON (CONTRACT.md shapes). Never return database rows as they are.
import type { DirectoryRow } from '../directory/directories';
import type { DirectoryGroupRow as GroupRow } from '../directory/groups/reads';
import type { DirectoryUserRow as UserRow } from '../directory/users/reads';
import type { OrganizationRow } from '../organizations/organizations';
import type { ScimObject } from '../scim/types';
import type { FieldWarning } from '../attributes/convert';

export function toApiOrganization(o: OrganizationRow) {
  return { id: o.id, name: o.name, externalId: o.externalId, createdAt: o.createdAt.toISOString() };
}

export function toApiDirectory(d: DirectoryRow) {
  return {
    id: d.id,
    organizationId: d.organizationId,
    provider: d.provider,
    name: d.name,
    status: d.status,
    /** As the health check last evaluated it (lib/health), every HEALTH_CHECK_INTERVAL_MS. */
    health: d.health,
    healthReason: d.healthReason,
    healthChangedAt: d.healthChangedAt?.toISOString() ?? null,
    connectedAt: d.connectedAt?.toISOString() ?? null,
    lastRequestAt: d.lastRequestAt?.toISOString() ?? null,
    unauthenticatedRequests: d.unauthenticatedRequests,
    lastUnauthenticatedAt: d.lastUnauthenticatedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function primaryEmail(raw: ScimObject): string | null {
  const emails = Array.isArray(raw.emails) ? (raw.emails as ScimObject[]) : [];
  const e = emails.find((x) => x && x.primary === true) ?? emails[0];
  return e ? str(e.value) : null;
}

export function toApiUser(u: UserRow, groups: { id: string; displayName: string }[], roles: string[] = []) {
  const raw = JSON.parse(u.raw) as ScimObject;
  const name = (raw.name ?? {}) as ScimObject;
  return {
    id: u.id,
    directoryId: u.directoryId,
    externalId: u.externalId,
    userName: u.userName,
    email: primaryEmail(raw),
    givenName: str(name.givenName),
    familyName: str(name.familyName),
    displayName: str(raw.displayName),
    active: u.active,
    removedAt: u.removedAt?.toISOString() ?? null,
    groups,
    roles,
    attributes: raw,
    // The host's fields as this directory maps them (lib/attributes/mapping.ts), and what did not map cleanly.
    customAttributes: u.customAttributes === null ? {} : (JSON.parse(u.customAttributes) as ScimObject),
    attributeWarnings: u.attributeWarnings === null ? [] : (JSON.parse(u.attributeWarnings) as FieldWarning[]),
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

export function toApiGroup(g: GroupRow, roles: string[] = []) {
  return {
    id: g.id,
    directoryId: g.directoryId,
    externalId: g.externalId,
    displayName: g.displayName,
    memberCount: g.memberCount,
    roles,
    attributes: JSON.parse(g.raw) as ScimObject,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}
