// Host API: organizations and their directories (CONTRACT.md).
import { read, write } from '../db/database';
import { transaction } from '../db/transaction';
import { createDirectory, listOrganizationDirectories, scimEndpoint } from '../directory/directories';
import { deleteOrganization } from '../directory/delete-directory';
import { createOrganization, findOrganization, listOrganizations } from '../organizations/organizations';
import { createDirectoryInputSchema } from '../schemas/directory';
import { createOrganizationInputSchema } from '../schemas/organization';
import { decodeCursor, encodeCursor, listQuerySchema, queryObject } from '../schemas/pagination';
import { ApiError, apiNotFound } from './api-error';
import { toApiDirectory, toApiOrganization } from './serialize';
import type { ApiContext } from './with-api-key';

export async function postOrganization({ db, hostId, json }: ApiContext): Promise<Response> {
  const input = createOrganizationInputSchema.parse(await json());
  const org = await transaction(db, (tx) => createOrganization(tx, { hostId, ...input }));
  return Response.json(toApiOrganization(org), { status: 201 });
}

export async function getOrganization({ db, hostId, params }: ApiContext): Promise<Response> {
  const org = await findOrganization(db, { hostId, id: params.orgId });
  if (!org) throw apiNotFound('Organization');
  return Response.json(toApiOrganization(org));
}

export async function getOrganizations({ db, hostId, url }: ApiContext): Promise<Response> {
  const q = listQuerySchema.parse(queryObject(url));
  const c = decodeCursor(q.cursor, ['c', 'i']);
  if (q.cursor && !c) throw new ApiError('invalid_request', 400, 'cursor: invalid');
  const rows = await listOrganizations(db, {
    hostId,
    take: q.limit + 1,
    after: c ? { createdAt: new Date(c.c), id: c.i } : undefined,
  });
  const more = rows.length > q.limit;
  const data = rows.slice(0, q.limit);
  const last = data[data.length - 1];
  return Response.json({
    data: data.map(toApiOrganization),
    nextCursor: more && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : null,
  });
}

export async function postDirectory({ db, hostId, params, json }: ApiContext): Promise<Response> {
  const input = createDirectoryInputSchema.parse(await json());
  const org = await findOrganization(db, { hostId, id: params.orgId });
  if (!org) throw apiNotFound('Organization');
  const { directory, token } = await write((env) => createDirectory(env, { organizationId: org.id, provider: input.provider }));
  return Response.json(
    { ...toApiDirectory(directory), scim: { endpoint: scimEndpoint(directory.id), token: token.token, tokenId: token.id } },
    { status: 201 },
  );
}

export async function getDirectories({ db, hostId, params }: ApiContext): Promise<Response> {
  const org = await findOrganization(db, { hostId, id: params.orgId });
  if (!org) throw apiNotFound('Organization');
  const rows = await read(() => listOrganizationDirectories({ organizationId: org.id }));
  return Response.json({ data: rows.map((d) => ({ ...toApiDirectory(d), scim: { endpoint: scimEndpoint(d.id) } })), nextCursor: null });
}

export async function removeOrganization({ db, hostId, params }: ApiContext): Promise<Response> {
  if (!(await findOrganization(db, { hostId, id: params.orgId }))) throw apiNotFound('Organization');
  await deleteOrganization({ hostId, organizationId: params.orgId });
  return new Response(null, { status: 204 });
}
