// Group-to-role mappings of a directory in the portal: read, preview, save, and the default role.
import { listRoleMappings, listRoles, setDefaultRole, setRoleMappings } from '../../roles/roles';
import { mappingPreview } from '../mapping-preview';
import { defaultRoleInputSchema, roleMappingsInputSchema, rolePreviewInputSchema } from '../schemas';
import { portalActor, type PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

function scopeOf(ctx: PortalContext) {
  const d = directoryOf(ctx);
  return { hostId: ctx.session.hostId, organizationId: d.organizationId, directoryId: d.id };
}

async function rolesAnswer(ctx: PortalContext): Promise<Response> {
  const scope = scopeOf(ctx);
  const [roles, mappings, dir] = await Promise.all([
    listRoles(ctx.db, scope.hostId),
    listRoleMappings(ctx.db, scope.directoryId),
    ctx.db.directory.findUnique({ where: { id: scope.directoryId }, select: { defaultRole: { select: { key: true } } } }),
  ]);
  const groups = await ctx.db.directoryGroup.findMany({
    where: { directoryId: scope.directoryId, id: { in: [...new Set(mappings.map((m) => m.groupId))] } },
    select: { id: true, displayName: true },
  });
  const names = new Map(groups.map((g) => [g.id, g.displayName]));
  return Response.json({
    roles: roles.map((r) => ({ key: r.key, name: r.name, description: r.description })),
    mappings: mappings.map((m) => ({ ...m, groupName: names.get(m.groupId) ?? m.groupId })),
    defaultRoleKey: dir?.defaultRole?.key ?? null,
  });
}

export const getRoles = rolesAnswer;

/** A preview of new mappings, or of a new default role (`{defaultRoleKey}`). */
export async function previewMappings(ctx: PortalContext): Promise<Response> {
  const input = rolePreviewInputSchema.parse(await ctx.json());
  return Response.json(await mappingPreview(ctx.db, scopeOf(ctx), input));
}

export async function putMappings(ctx: PortalContext): Promise<Response> {
  const input = roleMappingsInputSchema.parse(await ctx.json());
  await setRoleMappings(ctx.db, scopeOf(ctx), input.mappings, portalActor(ctx));
  return rolesAnswer(ctx);
}

export async function putDefaultRole(ctx: PortalContext): Promise<Response> {
  const input = defaultRoleInputSchema.parse(await ctx.json());
  await setDefaultRole(ctx.db, scopeOf(ctx), input.roleKey, portalActor(ctx));
  return rolesAnswer(ctx);
}
