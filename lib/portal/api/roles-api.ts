// Group-to-role mappings of a directory in the portal: read, preview, save, and the default role.
import { read } from '../../db/database';
import { findOrganizationDirectory } from '../../directory/directories';
import { groupsByIds } from '../../directory/groups/reads';
import { listRoleMappings, listRoles, roleKey, setDefaultRole, setRoleMappings } from '../../roles/roles';
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
  const { roles, mappings, groups, defaultRoleKey } = await read(function* (env) {
    const mappings = yield* listRoleMappings(scope.directoryId);
    const dir = yield* findOrganizationDirectory({ organizationId: scope.organizationId, id: scope.directoryId });
    return {
      roles: yield* listRoles(scope.hostId),
      mappings,
      groups: yield* groupsByIds(
        env,
        scope.directoryId,
        mappings.map((m) => m.groupId),
      ),
      defaultRoleKey: yield* roleKey(dir?.defaultRoleId ?? null),
    };
  });
  return Response.json(rolesJson(roles, mappings, groups, defaultRoleKey));
}

/** The roles tab's state (lib/client/types.ts RolesState): the host's roles, the mappings by group name, the default. */
export function rolesJson(
  roles: { key: string; name: string; description: string | null }[],
  mappings: { groupId: string; roleKey: string }[],
  groups: Map<string, { displayName: string }>,
  defaultRoleKey: string | null,
) {
  return {
    roles: roles.map((r) => ({ key: r.key, name: r.name, description: r.description })),
    mappings: mappings.map((m) => ({ groupId: m.groupId, roleKey: m.roleKey, groupName: groups.get(m.groupId)?.displayName ?? m.groupId })),
    defaultRoleKey,
  };
}

export const getRoles = rolesAnswer;

/** A preview of new mappings, or of a new default role (`{defaultRoleKey}`). */
export async function previewMappings(ctx: PortalContext): Promise<Response> {
  const input = rolePreviewInputSchema.parse(await ctx.json());
  return Response.json(await mappingPreview(scopeOf(ctx), input));
}

export async function putMappings(ctx: PortalContext): Promise<Response> {
  const input = roleMappingsInputSchema.parse(await ctx.json());
  await setRoleMappings(scopeOf(ctx), input.mappings, portalActor(ctx));
  return rolesAnswer(ctx);
}

export async function putDefaultRole(ctx: PortalContext): Promise<Response> {
  const input = defaultRoleInputSchema.parse(await ctx.json());
  await setDefaultRole(scopeOf(ctx), input.roleKey, portalActor(ctx));
  return rolesAnswer(ctx);
}
