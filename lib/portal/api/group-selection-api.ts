// The portal's group selection (issue 19): which groups the organization's app receives, the chosen ones with their
// member counts, a change previewed then saved (audited with the portal's actor).
import { read } from '../../db/database';
import { previewGroupSelection, readGroupSelection, setGroupSelection, summarizeSelectionChange, toApiSelectionJob } from '../../directory/group-selection';
import { groupsByIds, groupViews } from '../../directory/groups/reads';
import { groupSelectionInputSchema } from '../../schemas/group-selection';
import { portalActor, type PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

function scopeOf(ctx: PortalContext) {
  const d = directoryOf(ctx);
  return { hostId: ctx.session.hostId, organizationId: d.organizationId, directoryId: d.id };
}

async function selectionAnswer(directoryId: string): Promise<Response> {
  const { mode, groupIds, job } = await readGroupSelection(directoryId);
  const groups = await read(function* (env) {
    const rows = yield* groupsByIds(env, directoryId, groupIds);
    return yield* groupViews(env, [...rows.values()]);
  });
  const chosen = groups
    .map((g) => ({ id: g.row.id, displayName: g.row.displayName, memberCount: g.row.memberCount }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return Response.json({ mode, groups: chosen, job: toApiSelectionJob(job) });
}

export async function getPortalGroupSelection(ctx: PortalContext): Promise<Response> {
  return selectionAnswer(scopeOf(ctx).directoryId);
}

export async function previewPortalGroupSelection(ctx: PortalContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = scopeOf(ctx);
  return Response.json(await summarizeSelectionChange(scope.directoryId, await previewGroupSelection(scope, input)));
}

export async function putPortalGroupSelection(ctx: PortalContext): Promise<Response> {
  const input = groupSelectionInputSchema.parse(await ctx.json());
  const scope = scopeOf(ctx);
  await setGroupSelection(scope, input, portalActor(ctx));
  return selectionAnswer(scope.directoryId);
}
