// Rows → the portal's JSON (lib/client/types.ts derives the client's types from these). Never a database row as it is.
import { scimEndpoint, type DirectoryRow } from '../directory/directories';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
import { tokenJson, type TokenSummary } from '../directory/tokens';
import type { HealthState } from '../health/directory-health';
import type { RequestLogRow } from './request-log-page';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toPortalDirectory(d: DirectoryRow) {
  return {
    id: d.id,
    provider: d.provider as Provider,
    providerName: PROVIDER_NAMES[d.provider as Provider] ?? d.provider,
    name: d.name || (PROVIDER_NAMES[d.provider as Provider] ?? d.provider),
    status: d.status as 'enabled' | 'disabled',
    connectedAt: iso(d.connectedAt),
    endpoint: scimEndpoint(d.id),
    lastRequestAt: iso(d.lastRequestAt),
    createdAt: d.createdAt.toISOString(),
  };
}

/** In the list of directories, with its connection's state. */
export const toListedDirectory = (d: DirectoryRow, health: HealthState) => ({ ...toPortalDirectory(d), health });

/** The directory page's header, with its counts. */
export const toDirectoryDetail = (d: DirectoryRow, counts: { userCount: number; groupCount: number }) => ({ ...toPortalDirectory(d), ...counts });

/** A token as the portal and the host API show it (lib/directory/tokens.ts). */
export const toPortalToken = tokenJson;

/** A token just minted: the only answer that carries its value. */
export const toMintedToken = (t: TokenSummary & { token: string }) => ({ ...toPortalToken(t), token: t.token });

export function toPortalRequest(r: RequestLogRow, names: { users: Map<string, string>; groups: Map<string, string> }) {
  const groupId = /^\/Groups\/([^/?]+)/i.exec(r.path)?.[1];
  return {
    id: r.id,
    method: r.method,
    path: r.path,
    status: r.status,
    durationMs: r.durationMs,
    resource: r.resource,
    requestBody: r.requestBody,
    responseBody: r.responseBody,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    // Who it concerns, by name: the user now, else what the request named (a refused create never made a user).
    userId: r.userId,
    person: (r.userId ? names.users.get(r.userId) : undefined) ?? r.userNameLower ?? r.emailLower ?? null,
    group: groupId ? (names.groups.get(groupId) ?? null) : null,
    decision: r.decision,
  };
}
