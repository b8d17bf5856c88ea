// The portal's Attributes tab (issue 18, item 3): the directory's mapping of the app's fields, the SCIM paths that
// arrived, a preview over real users, and the save (audited with the portal's actor) whose recompute it then shows.
import { previewMapping, readMappingView, sourcePathsSeen } from '../../attributes/mapping-admin';
import { saveMapping } from '../../attributes/mapping-store';
import { previewAttributeMappingInputSchema, putAttributeMappingInputSchema } from '../../schemas/attribute-mapping';
import { portalActor, type PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

function scopeOf(ctx: PortalContext) {
  const d = directoryOf(ctx);
  return { hostId: ctx.session.hostId, organizationId: d.organizationId, directoryId: d.id };
}

export async function getPortalAttributeMapping(ctx: PortalContext): Promise<Response> {
  return Response.json(await readMappingView(scopeOf(ctx)));
}

export async function getPortalAttributeSources(ctx: PortalContext): Promise<Response> {
  return Response.json(await sourcePathsSeen(scopeOf(ctx)));
}

export async function previewPortalAttributeMapping(ctx: PortalContext): Promise<Response> {
  const { limit, ...input } = previewAttributeMappingInputSchema.parse(await ctx.json());
  return Response.json(await previewMapping(scopeOf(ctx), input, limit));
}

export async function putPortalAttributeMapping(ctx: PortalContext): Promise<Response> {
  const input = putAttributeMappingInputSchema.parse(await ctx.json());
  const scope = scopeOf(ctx);
  await saveMapping(scope, input, portalActor(ctx));
  return Response.json(await readMappingView(scope));
}
