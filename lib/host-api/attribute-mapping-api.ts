// Host API: a directory's attribute mapping (issue 18, item 3): read it with the recompute's progress, preview a
// mapping over real users, save it (audited; every user's values are then recomputed in the background).
import { previewMapping, readMappingView, sourcePathsSeen } from '../attributes/mapping-admin';
import { saveMapping } from '../attributes/mapping-store';
import { readHostDirectory } from '../directory/directories';
import { previewAttributeMappingInputSchema, putAttributeMappingInputSchema } from '../schemas/attribute-mapping';
import { apiNotFound } from './api-error';
import type { ApiContext } from './with-api-key';

async function scopeOf({ hostId, params }: ApiContext) {
  const d = await readHostDirectory({ hostId, id: params.dirId });
  if (!d) throw apiNotFound('Directory');
  return { hostId, organizationId: d.organizationId, directoryId: d.id };
}

export async function getAttributeMapping(ctx: ApiContext): Promise<Response> {
  return Response.json(await readMappingView(await scopeOf(ctx)));
}

export async function putAttributeMapping(ctx: ApiContext): Promise<Response> {
  const input = putAttributeMappingInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  await saveMapping(scope, input, `api-key:${ctx.keyId}`);
  return Response.json(await readMappingView(scope));
}

export async function postAttributeMappingPreview(ctx: ApiContext): Promise<Response> {
  const { limit, ...input } = previewAttributeMappingInputSchema.parse(await ctx.json());
  return Response.json(await previewMapping(await scopeOf(ctx), input, limit));
}

export async function getAttributeSources(ctx: ApiContext): Promise<Response> {
  return Response.json(await sourcePathsSeen(await scopeOf(ctx)));
}
