// Host API: a directory's group selection (issue 19): which groups the host sees; the change previewed, then saved.
import { readHostDirectory } from '../directory/directories';
import { previewGroupSelection, readGroupSelection, setGroupSelection, type SelectionChange } from '../directory/group-selection';
import { groupSelectionInputSchema } from '../schemas/group-selection';
import { apiNotFound } from './api-error';
import type { ApiContext } from './with-api-key';

/** The groups and users a change names at most in its answer; the counts are whole. */
const SAMPLE = 50;

async function scopeOf({ hostId, params }: ApiContext) {
  const d = await readHostDirectory({ hostId, id: params.dirId });
  if (!d) throw apiNotFound('Directory');
  return { hostId, organizationId: d.organizationId, directoryId: d.id };
}

/** What a change does to the host's view, counted, with the first groups and users named. */
export function selectionChangeSummary(c: SelectionChange) {
  const groups = (list: SelectionChange['appearing']) => ({
    count: list.length,
    groups: list.slice(0, SAMPLE).map((g) => ({ id: g.row.id, displayName: g.row.displayName, memberCount: g.members })),
  });
  return {
    appearing: groups(c.appearing),
    disappearing: groups(c.disappearing),
    roleChanges: { count: c.roleChanges.length, users: c.roleChanges.slice(0, SAMPLE).map((r) => ({ id: r.userId, before: r.before, after: r.after })) },
  };
}

export async function getGroupSelection(ctx: ApiContext): Promise<Response> {
  const scope = await scopeOf(ctx);
  return Response.json(await readGroupSelection(scope.directoryId));
}

export async function putGroupSelection(ctx: ApiContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  const change = await setGroupSelection(scope, input, `api-key:${ctx.keyId}`);
  return Response.json({ ...(await readGroupSelection(scope.directoryId)), change: selectionChangeSummary(change) });
}

export async function postGroupSelectionPreview(ctx: ApiContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = await scopeOf(ctx);
  return Response.json(selectionChangeSummary(await previewGroupSelection(scope, input)));
}
