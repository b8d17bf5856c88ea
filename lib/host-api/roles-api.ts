// Host API: roles and group-to-role mappings (CONTRACT.md).
import { read } from '../db/database';
import { findHostDirectory, readHostDirectory } from '../directory/directories';
import { deleteRole, updateRole } from '../roles/role-admin';
import { configureRoles, createRole, listRoleMappings, roleKey, rolesOfHost, type RoleRow } from '../roles/roles';
import { createRoleInputSchema, putRoleMappingsInputSchema, updateRoleInputSchema } from '../schemas/role';
import { apiNotFound } from './api-error';
import type { ApiContext } from './with-api-key';

const toApiRole = (r: RoleRow) => ({ id: r.id, key: r.key, name: r.name, description: r.description, createdAt: r.createdAt.toISOString() });

export async function postRole({ hostId, keyId, json }: ApiContext): Promise<Response> {
  const input = createRoleInputSchema.parse(await json());
  const role = await createRole(hostId, input, `api-key:${keyId}`);
  return Response.json(toApiRole(role), { status: 201 });
}

export async function patchRole({ hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = updateRoleInputSchema.parse(await json());
  return Response.json(toApiRole(await updateRole({ hostId, actor: `api-key:${keyId}`, key: params.roleKey, ...input })));
}

export async function removeRole({ hostId, keyId, params }: ApiContext): Promise<Response> {
  await deleteRole({ hostId, actor: `api-key:${keyId}`, key: params.roleKey });
  return new Response(null, { status: 204 });
}

export async function getRole({ hostId, params }: ApiContext): Promise<Response> {
  const role = (await rolesOfHost(hostId)).find((r) => r.key === params.roleKey);
  if (!role) throw apiNotFound('Role');
  return Response.json(toApiRole(role));
}

export async function getRoles({ hostId }: ApiContext): Promise<Response> {
  return Response.json({ data: (await rolesOfHost(hostId)).map(toApiRole), nextCursor: null });
}

async function scopeOf({ hostId, params }: ApiContext) {
  const d = await readHostDirectory({ hostId, id: params.dirId });
  if (!d) throw apiNotFound('Directory');
  return { hostId, organizationId: d.organizationId, directoryId: d.id };
}

/** The mappings in force and the default role, read together after any change. */
async function mappingsAnswer(hostId: string, directoryId: string) {
  const answer = await read(function* () {
    const mappings = yield* listRoleMappings(directoryId);
    const d = yield* findHostDirectory({ hostId, id: directoryId });
    return { mappings, defaultRoleKey: yield* roleKey(d?.defaultRoleId ?? null) };
  });
  return Response.json(answer);
}

export async function putRoleMappings(ctx: ApiContext): Promise<Response> {
  const input = putRoleMappingsInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  await configureRoles(scope, { mappings: input.mappings, defaultRoleKey: input.defaultRoleKey }, `api-key:${ctx.keyId}`);
  return mappingsAnswer(ctx.hostId, scope.directoryId);
}

export async function getRoleMappings(ctx: ApiContext): Promise<Response> {
  const scope = await scopeOf(ctx);
  return mappingsAnswer(ctx.hostId, scope.directoryId);
}
