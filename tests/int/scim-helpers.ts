// Drives the framework-free SCIM core directly (no HTTP server) against the test database.
import { getDb } from '../../lib/db/client';
import { transaction } from '../../lib/db/transaction';
import { createDirectory } from '../../lib/directory/directories';
import { defaultHost } from '../../lib/host-api/api-keys';
import { handleScimRequest } from '../../lib/scim/handle-request';
import type { ScimResponse } from '../../lib/scim/types';
import type { DirectoryScope } from '../../lib/events/event-types';
import { createOrganization } from '../../lib/organizations/organizations';

export async function newDirectory(): Promise<DirectoryScope> {
  const db = await getDb();
  return transaction(db, async (tx) => {
    const host = await defaultHost(tx);
    const org = await createOrganization(tx, { hostId: host.id, name: 'Int Org' });
    const dir = (await createDirectory(tx, { organizationId: org.id, provider: 'okta' })).directory;
    return { hostId: host.id, organizationId: org.id, directoryId: dir.id };
  });
}

export type Res = ScimResponse & { body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function call(scope: DirectoryScope, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const db = await getDb();
  const url = new URL(`http://x/${path.replace(/^\//, '')}`);
  const res = await handleScimRequest(
    {
      method,
      path: url.pathname.split('/').filter(Boolean).map(decodeURIComponent),
      query: url.searchParams,
      headers,
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    },
    { db, ...scope, baseUrl: `http://x/scim/v2/${scope.directoryId}` },
  ).catch((e: { status?: number; scimType?: string; detail?: string }) => {
    if (typeof e?.status === 'number') return { status: e.status, headers: {}, body: { scimType: e.scimType, detail: e.detail } };
    throw e;
  });
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
