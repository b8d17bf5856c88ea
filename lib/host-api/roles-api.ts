// Host API: roles and group-to-role mappings (CONTRACT.md).
import { findHostDirectory } from '../directory/directories';
import { addRole, deleteRole, updateRole } from '../roles/role-admin';
import { configureRoles, listRoleMappings, listRoles, type RoleRow } from '../roles/roles';
import { createRoleInputSchema, putRoleMappingsInputSchema, updateRoleInputSchema } from '../schemas/role';
import { apiNotFound } from './api-error';
import type { ApiContext } from './with-api-key';

const toApiRole = (r: RoleRow) => ({ id: r.id, key: r.key, name: r.name, description: r.description, createdAt: r.createdAt.toISOString() });

export async function postRole({ db, hostId, keyId, json }: ApiContext): Promise<Response> {
  const input = createRoleInputSchema.parse(await json());
  const role = await addRole(db, { hostId, actor: `api-key:${keyId}`, input });
  return Response.json(toApiRole(role), { status: 201 });
}

export async function patchRole({ db, hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = updateRoleInputSchema.parse(await json());
  return Response.json(toApiRole(await updateRole(db, { hostId, actor: `api-key:${keyId}`, key: params.roleKey, ...input })));
}

export async function removeRole({ db, hostId, keyId, params }: ApiContext): Promise<Response> {
  await deleteRole(db, { hostId, actor: `api-key:${keyId}`, key: params.roleKey });
  return new Response(null, { status: 204 });
}

export async function getRole({ db, hostId, params }: ApiContext): Promise<Response> {
  const role = (await listRoles(db, hostId)).find((r) => r.key === params.roleKey);
  if (!role) throw apiNotFound('Role');
  return Response.json(toApiRole(role));
}

export async function getRoles({ db, hostId }: ApiContext): Promise<Response> {
  return Response.json({ data: (await listRoles(db, hostId)).map(toApiRole), nextCursor: null });
}

async function scopeOf({ db, hostId, params }: ApiContext) {
  const d = await findHostDirectory(db, { hostId, id: params.dirId });
  if (!d) throw apiNotFound('Directory');
  return { hostId, organizationId: d.organizationId, directoryId: d.id, defaultRoleId: d.defaultRoleId };
}

async function mappingsAnswer(ctx: ApiContext, directoryId: string, defaultRoleId: string | null) {
  const mappings = await listRoleMappings(ctx.db, directoryId);
  const def = defaultRoleId ? await ctx.db.role.findUnique({ where: { id: defaultRoleId }, select: { key: true } }) : null;
  return Response.json({ mappings, defaultRoleKey: def?.key ?? null });
}

export async function putRoleMappings(ctx: ApiContext): Promise<Response> {
  const input = putRoleMappingsInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  await configureRoles(ctx.db, scope, { mappings: input.mappings, defaultRoleKey: input.defaultRoleKey }, `api-key:${ctx.keyId}`);
  const fresh = await findHostDirectory(ctx.db, { hostId: ctx.hostId, id: scope.directoryId });
  return mappingsAnswer(ctx, scope.directoryId, fresh?.defaultRoleId ?? null);
}

export async function getRoleMappings(ctx: ApiContext): Promise<Response> {
  const scope = await scopeOf(ctx);
  return mappingsAnswer(ctx, scope.directoryId, scope.defaultRoleId);
}
