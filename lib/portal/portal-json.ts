// Rows → the portal's JSON (the shapes in lib/client/types.ts). Never a database row as it is.
import { scimEndpoint, type DirectoryRow } from '../directory/directories';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
import type { TokenSummary } from '../directory/tokens';
import type { RequestLogRow } from './request-log-page';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toPortalDirectory(d: DirectoryRow) {
  return {
    id: d.id,
    provider: d.provider,
    providerName: PROVIDER_NAMES[d.provider as Provider] ?? d.provider,
    name: d.name || (PROVIDER_NAMES[d.provider as Provider] ?? d.provider),
    status: d.status,
    connectedAt: iso(d.connectedAt),
    endpoint: scimEndpoint(d.id),
    lastRequestAt: iso(d.lastRequestAt),
    createdAt: d.createdAt.toISOString(),
  };
}

export function toPortalToken(t: TokenSummary) {
  return { id: t.id, lastFour: t.lastFour, createdAt: t.createdAt.toISOString(), expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) };
}

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
  };
}
