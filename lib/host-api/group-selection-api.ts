// Host API: a directory's group selection (issue 19): which groups the host sees; the change previewed, then saved.
import { readHostDirectory } from '../directory/directories';
import { previewGroupSelection, readGroupSelection, setGroupSelection, summarizeSelectionChange, toApiSelectionJob } from '../directory/group-selection';
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
  return Response.json(await selectionAnswer(scope.directoryId));
}

async function selectionAnswer(directoryId: string) {
  const { mode, groupIds, job } = await readGroupSelection(directoryId);
  return { mode, groupIds, job: toApiSelectionJob(job) };
}

export async function putGroupSelection(ctx: ApiContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  const change = await setGroupSelection(scope, input, `api-key:${ctx.keyId}`);
  // 202 when a background job moves the change: GET shows its progress.
  return Response.json(
    { ...(await selectionAnswer(scope.directoryId)), change: await summarizeSelectionChange(scope.directoryId, change) },
    { status: change.job ? 202 : 200 },
  );
}

export async function postGroupSelectionPreview(ctx: ApiContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  return Response.json(await summarizeSelectionChange(scope.directoryId, await previewGroupSelection(scope, input)));
}
