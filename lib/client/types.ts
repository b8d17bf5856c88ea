// The JSON the portal endpoints answer (lib/portal/api/*), as the client sees it.
interface PortalBrand {
  name: string;
  logoUrl: string | null;
  accent: string;
  accentForeground: string;
}

export interface PortalSessionInfo {
  organization: { id: string; name: string };
  brand: PortalBrand;
  features: string[];
  returnUrl: string | null;
  expiresAt: string;
  csrf: string;
  allowedOrigins: string[];
}

export type ProviderKey = 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'pingidentity' | 'generic';

export interface PortalDirectory {
  id: string;
  provider: ProviderKey;
  providerName: string;
  name: string;
  status: 'enabled' | 'disabled';
  connectedAt: string | null;
  /** In the list only. */
  health?: import('../health/directory-health').HealthState;
  endpoint: string;
  lastRequestAt: string | null;
  createdAt: string;
}

export interface PortalDirectoryDetail extends PortalDirectory {
  userCount: number;
  groupCount: number;
}

export interface PortalToken {
  id: string;
  lastFour: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface MintedToken extends PortalToken {
  token: string;
}

// One definition, with the server code that computes it (a type-only import: nothing server-side reaches the bundle).
export type { ConnectionStatus, RefusedRequest } from '../portal/connection-status';
export type { DiagnosisId, SetupCheck, SetupStepId } from '../portal/setup-check';

export interface PortalUser {
  id: string;
  externalId: string | null;
  userName: string;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  active: boolean;
  groups: { id: string; displayName: string }[];
  roles: string[];
  createdAt: string;
  updatedAt: string;
}

export interface PortalUserDetail extends PortalUser {
  attributes: Record<string, unknown>;
}

export interface PortalGroup {
  id: string;
  externalId: string | null;
  displayName: string;
  memberCount: number;
  roles: string[];
  /** Whether the app receives it (group selection). */
  selected: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PortalGroupDetail extends PortalGroup {
  attributes: Record<string, unknown>;
}

export interface PortalRequest {
  id: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  resource: string | null;
  requestBody: string | null;
  responseBody: string | null;
  error: string | null;
  createdAt: string;
  userId: string | null;
  /** The user's name, or what the request named when no user matched. */
  person: string | null;
  group: string | null;
  /** What the write did or why it was refused, in plain words ("created", "refused (seat limit)"); null for reads. */
  decision: string | null;
}

export interface RequestTotals {
  total: number;
  succeeded: number;
  refused: number;
  failed: number;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface RoleMapping {
  groupId: string;
  roleKey: string;
}

export interface RolesState {
  roles: { key: string; name: string; description: string | null }[];
  mappings: (RoleMapping & { groupName: string })[];
  defaultRoleKey: string | null;
}

export interface MappingPreview {
  changes: { kind: 'added' | 'removed'; groupId: string; groupName: string; roleKey: string; members: number }[];
  usersChanged: number;
  users: { id: string; userName: string; displayName: string | null; before: string[]; after: string[] }[];
}

export interface GroupSelectionState {
  mode: 'all' | 'selected';
  groups: { id: string; displayName: string; memberCount: number }[];
}

type ChangedGroups = { count: number; groups: { id: string; displayName: string; memberCount: number }[] };
export interface GroupSelectionPreview {
  appearing: ChangedGroups;
  disappearing: ChangedGroups;
  roleChanges: { count: number; users: { id: string; userName: string; before: string[]; after: string[] }[] };
}
