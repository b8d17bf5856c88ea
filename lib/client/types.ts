// The JSON the portal endpoints answer (lib/portal/api/*), as the client sees it: each type is what the server's
// serialiser returns, imported as a type only (erased from the bundle), so a server change breaks the client's
// type check instead of its screens.
import type { previewMapping, readMappingView, sourcePathsSeen } from '../attributes/mapping-admin';
import type { toApiGroup, toApiUser } from '../host-api/serialize';
import type { rolesJson } from '../portal/api/roles-api';
import type { sessionJson } from '../portal/api/session-api';
import type { toDirectoryDetail, toListedDirectory, toMintedToken, toPortalDirectory, toPortalRequest, toPortalToken } from '../portal/portal-json';
import type { roleMappingsInputSchema } from '../portal/schemas';
import type { z } from 'zod';

export type PortalSessionInfo = ReturnType<typeof sessionJson>;

export type { Provider as ProviderKey } from '../directory/providers';

/** `health` in the list only. */
export type PortalDirectory = ReturnType<typeof toPortalDirectory> & Partial<Pick<ReturnType<typeof toListedDirectory>, 'health'>>;
export type PortalDirectoryDetail = ReturnType<typeof toDirectoryDetail>;

export type PortalToken = ReturnType<typeof toPortalToken>;
export type MintedToken = ReturnType<typeof toMintedToken>;

// One definition, with the server code that computes it (a type-only import: nothing server-side reaches the bundle).
export type { ConnectionStatus, RefusedRequest } from '../portal/connection-status';
export type { DiagnosisId, SetupCheck, SetupStepId } from '../portal/setup-check';
export type { RequestTotals } from '../portal/request-log-page';
export type { MappingPreview } from '../portal/mapping-preview';

/** The Attributes tab (lib/attributes/mapping-admin.ts). */
export type AttributeMappingState = Awaited<ReturnType<typeof readMappingView>>;
export type AttributeSources = Awaited<ReturnType<typeof sourcePathsSeen>>;
export type MappingValuesPreview = Awaited<ReturnType<typeof previewMapping>>;

/** Tables list users and groups without the SCIM resource; their pages fetch it (the Detail types). */
export type PortalUserDetail = ReturnType<typeof toApiUser>;
export type PortalUser = Omit<PortalUserDetail, 'attributes'>;
export type PortalGroupDetail = ReturnType<typeof toApiGroup>;
/** `selected`: whether the app receives the group (group selection). */
export type PortalGroup = Omit<PortalGroupDetail, 'attributes'> & { selected: boolean };

export type PortalRequest = ReturnType<typeof toPortalRequest>;

/** The envelope of every keyset-paged list (lib/schemas/pagination.ts makes its cursors). */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** A mapping as the editor sends it (PUT …/roles/mappings). */
export type RoleMapping = z.infer<typeof roleMappingsInputSchema>['mappings'][number];
export type RolesState = ReturnType<typeof rolesJson>;

export interface GroupSelectionState {
  mode: 'all' | 'selected';
  groups: { id: string; displayName: string; memberCount: number }[];
  /** The last change moved in the background (running: `mode` and `groups` are its target). */
  job: { status: 'running' | 'done'; done: number; total: number; startedAt: string; finishedAt: string | null } | null;
}

type ChangedGroups = { count: number; groups: { id: string; displayName: string; memberCount: number }[] };
export interface GroupSelectionPreview {
  runsInBackground: boolean;
  appearing: ChangedGroups;
  disappearing: ChangedGroups;
  roleChanges: { count: number; users: { id: string; userName: string; before: string[]; after: string[] }[] };
}
