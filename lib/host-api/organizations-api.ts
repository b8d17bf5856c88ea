// Host API: organizations and their directories (CONTRACT.md).
import { read } from '../db/database';
import { openDirectory } from '../directory/directory-admin';
import { listOrganizationDirectories, scimEndpoint } from '../directory/directories';
import { addOrganization, removeOrganization as deleteOrganizationOf, updateOrganization } from '../organizations/organization-admin';
import { findOrganization, listOrganizations } from '../organizations/organizations';
import { createDirectoryInputSchema } from '../schemas/directory';
import { createOrganizationInputSchema, listOrganizationsQuerySchema, updateOrganizationInputSchema } from '../schemas/organization';
import { pageOf } from '../directory/keyset';
import { pageCursor, queryObject, readCursor } from '../schemas/pagination';
import { ApiError, apiNotFound } from './api-error';
import { toApiDirectory, toApiOrganization } from './serialize';
import type { ApiContext } from './with-api-key';

const actorOf = (ctx: ApiContext) => `api-key:${ctx.keyId}`;

export async function postOrganization(ctx: ApiContext): Promise<Response> {
  const input = createOrganizationInputSchema.parse(await ctx.json());
  const org = await addOrganization({ hostId: ctx.hostId, actor: actorOf(ctx), ...input });
  return Response.json(toApiOrganization(org), { status: 201 });
}

export async function patchOrganization(ctx: ApiContext): Promise<Response> {
  const input = updateOrganizationInputSchema.parse(await ctx.json());
  const org = await updateOrganization({ hostId: ctx.hostId, actor: actorOf(ctx), id: ctx.params.orgId, ...input });
  return Response.json(toApiOrganization(org));
}

export async function getOrganization({ hostId, params }: ApiContext): Promise<Response> {
  const org = await read(() => findOrganization({ hostId, id: params.orgId }));
  if (!org) throw apiNotFound('Organization');
  return Response.json(toApiOrganization(org));
}

export async function getOrganizations({ hostId, url }: ApiContext): Promise<Response> {
  const q = listOrganizationsQuerySchema.parse(queryObject(url));
  const after = readCursor(q.cursor);
  if (q.cursor && !after) throw new ApiError('invalid_request', 400, 'cursor: invalid');
  const rows = await read(() => listOrganizations({ hostId, externalId: q.externalId, take: q.limit + 1, after: after ?? undefined }));
  const page = pageOf(rows, q.limit, (o) => o);
  return Response.json({ data: page.rows.map(toApiOrganization), nextCursor: pageCursor(page.next) });
}

export async function postDirectory(ctx: ApiContext): Promise<Response> {
  const { hostId, params } = ctx;
  const input = createDirectoryInputSchema.parse(await ctx.json());
  const org = await read(() => findOrganization({ hostId, id: params.orgId }));
  if (!org) throw apiNotFound('Organization');
  const { directory, token } = await openDirectory({ hostId, actor: actorOf(ctx), organizationId: org.id, provider: input.provider, name: input.name });
  return Response.json(
    { ...toApiDirectory(directory), scim: { endpoint: scimEndpoint(directory.id), token: token.token, tokenId: token.id } },
    { status: 201 },
  );
}

export async function getDirectories({ hostId, params }: ApiContext): Promise<Response> {
  const org = await read(() => findOrganization({ hostId, id: params.orgId }));
  if (!org) throw apiNotFound('Organization');
  const rows = await read(() => listOrganizationDirectories({ organizationId: org.id }));
  return Response.json({ data: rows.map((d) => ({ ...toApiDirectory(d), scim: { endpoint: scimEndpoint(d.id) } })), nextCursor: null });
}

export async function removeOrganization(ctx: ApiContext): Promise<Response> {
  await deleteOrganizationOf({ hostId: ctx.hostId, actor: actorOf(ctx), id: ctx.params.orgId });
  return new Response(null, { status: 204 });
}
