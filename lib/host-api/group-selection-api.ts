// Host API: a directory's group selection (issue 19): which groups the host sees; the change previewed, then saved.
import { readHostDirectory } from '../directory/directories';
import { previewGroupSelection, readGroupSelection, setGroupSelection, summarizeSelectionChange } from '../directory/group-selection';
import { groupSelectionInputSchema } from '../schemas/group-selection';
import { apiNotFound } from './api-error';
import type { ApiContext } from './with-api-key';

async function scopeOf({ hostId, params }: ApiContext) {
  const d = await readHostDirectory({ hostId, id: params.dirId });
  if (!d) throw apiNotFound('Directory');
  return { hostId, organizationId: d.organizationId, directoryId: d.id };
}

export async function getGroupSelection(ctx: ApiContext): Promise<Response> {
  const scope = await scopeOf(ctx);
  return Response.json(await readGroupSelection(scope.directoryId));
}

export async function putGroupSelection(ctx: ApiContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  const change = await setGroupSelection(scope, input, `api-key:${ctx.keyId}`);
  return Response.json({ ...(await readGroupSelection(scope.directoryId)), change: await summarizeSelectionChange(scope.directoryId, change) });
}

export async function postGroupSelectionPreview(ctx: ApiContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  return Response.json(await summarizeSelectionChange(scope.directoryId, await previewGroupSelection(scope, input)));
}
