// Drives the framework-free SCIM core directly (no HTTP server) against the test database.
import { loadHostUserExtension } from '../../lib/attributes/host-attrs';
import { readStoredMapping } from '../../lib/attributes/mapping-store';
import { write } from '../../lib/db/database';
import { createDirectory } from '../../lib/directory/directories';
import { defaultHost } from '../../lib/hosts/hosts';
import { handleScimRequest } from '../../lib/scim/handle-request';
import { RequestReads } from '../../lib/scim/request-reads';
import { errorResponse } from '../../lib/scim/responses';
import type { ScimResponse } from '../../lib/scim/types';
import type { DirectoryScope } from '../../lib/events/event-types';
import { createOrganization } from '../../lib/organizations/organizations';

export async function newDirectory(): Promise<DirectoryScope> {
  const org = await write(function* (env) {
    return yield* createOrganization(env, { hostId: (yield* defaultHost(env)).id, name: 'Int Org' });
  });
  const dir = (await write((env) => createDirectory(env, { organizationId: org.id, provider: 'okta' }))).directory;
  return { hostId: org.hostId, organizationId: org.id, directoryId: dir.id };
}

export type Res = ScimResponse & { body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function call(scope: DirectoryScope, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const url = new URL(`http://x/${path.replace(/^\//, '')}`);
  const res = await handleScimRequest(
    {
      method,
      path: url.pathname.split('/').filter(Boolean).map(decodeURIComponent),
      query: url.searchParams,
      headers,
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    },
    {
      ...scope,
      baseUrl: `http://x/scim/v2/${scope.directoryId}`,
      reads: new RequestReads(scope.directoryId),
      userExtension: await loadHostUserExtension(scope.hostId),
      attributeMapping: await readStoredMapping(scope.directoryId),
    },
  ).catch((e: unknown) => {
    const res = errorResponse(e);
    if (res) return res;
    throw e;
  });
  // A streamed body (member-stream.ts) read whole, as a client would.
  if (res.stream) {
    const { stream, ...rest } = res;
    let text = '';
    for await (const chunk of stream) text += chunk;
    return { ...rest, body: JSON.parse(text) };
  }
  return res as Res;
}

export const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Given', familyName: 'Family' },
  emails: [{ primary: true, value: userName, type: 'work' }],
  active: true,
  ...extra,
});

/** A DirectoryUser row as a bulk insert writes it (thousands at once, past the SCIM core): nothing derived but userName. */
export const bulkUserRow = (directoryId: string, id: string, userName: string, raw: Record<string, unknown> = { userName }) => ({
  id,
  directoryId,
  externalId: null,
  userName,
  userNameLower: userName.toLowerCase(),
  displayNameLower: null,
  givenNameLower: null,
  familyNameLower: null,
  titleLower: null,
  emailLower: null,
  employeeNumber: null,
  managerId: null,
  deactivatedAt: null,
  removedAt: null,
  raw: JSON.stringify(raw),
  customAttributes: null,
  attributeWarnings: null,
  updatedAt: new Date(),
});
