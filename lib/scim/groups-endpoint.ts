// /Groups: RFC 7644 §3.3–3.6. Members are rows; a PATCH touches only the members it names.
import { read } from '../db/database';
import { countGroups, listGroups as listGroupRows, type DirectoryGroupRow } from '../directory/groups/reads';
import { createDirectoryGroup, deleteDirectoryGroup, patchDirectoryGroup, replaceDirectoryGroup } from '../directory/groups/writes';
import { membersOf, type MemberRef } from '../directory/memberships';
import { groupDecision, groupPatchOutcome } from '../policy/decision';
import { scopeOf, type ScimContext } from './context';
import { etagOf, noneMatchHits } from './etag';
import { notFound } from './errors';
import { GROUP_ATTRS } from './filter/resource-attrs';
import { simpleEquality } from './filter/simple-filters';
import { parseJsonObject } from './json-body';
import type { ListParams } from './list-params';
import { matchResponse, pageQuery } from './list-query';
import { applyPatch } from './patch/apply-patch';
import { planGroupPatch } from './patch/group-members';
import { parsePatchRequest } from './patch/parse-patch';
import { projectAttributes } from './projection';
import { ifMatch, projectionOf, type Projection } from './request-options';
import { normalizeGroup } from './resources/normalize-group';
import { checkMemberTotal, releaseGroups, reserveGroups, reserveMembers } from './quotas';
import { noContent, resourceResponse, wantsAttribute } from './responses';
import { MEMBERS_INLINE_MAX, newFillToken, withMemberStreams, type MemberFill } from './member-stream';
import { listResponse, scimMember, toScimGroup } from './serialize';
import { GROUP_URN, type ScimObject, type ScimRequest, type ScimResponse } from './types';

const wantsMembers = (p: Projection) => wantsAttribute('members', p.attributes, p.excludedAttributes);

/** Groups as SCIM resources, and the members to stream into them (member-stream.ts) when there are too many to read at once. */
export interface RenderedGroups {
  resources: ScimObject[];
  fills: MemberFill[];
}

/** The groups as SCIM resources, their members read in one statement when the response shows a few of them. */
export async function renderGroups(ctx: ScimContext, rows: DirectoryGroupRow[], p: Projection): Promise<RenderedGroups> {
  const wanted = wantsMembers(p) && rows.length > 0;
  if (wanted && rows.reduce((n, g) => n + g.memberCount, 0) > MEMBERS_INLINE_MAX) return streamedGroups(ctx, rows, p);
  const members = wanted
    ? await read((env) =>
        membersOf(
          env,
          rows.map((g) => g.id),
        ),
      )
    : null;
  const resources = rows.map((g) => {
    const list: MemberRef[] | undefined = members ? (members.get(g.id) ?? []) : undefined;
    return projectAttributes(toScimGroup(g, list, ctx.baseUrl), 'Group', p.attributes, p.excludedAttributes);
  });
  return { resources, fills: [] };
}

/** Each group with a placeholder where its members go, projected as they would be (a probe member shows whether they show). */
function streamedGroups(ctx: ScimContext, rows: DirectoryGroupRow[], p: Projection): RenderedGroups {
  const project = (r: ScimObject) => projectAttributes(r, 'Group', p.attributes, p.excludedAttributes);
  const fills: MemberFill[] = [];
  const resources = rows.map((g) => {
    const resource = project(toScimGroup(g, [{ userId: 'probe', display: 'probe' }], ctx.baseUrl));
    if (resource.members === undefined || g.memberCount === 0) return project(toScimGroup(g, [], ctx.baseUrl));
    const token = newFillToken();
    const render = (page: MemberRef[]) => {
      const shown = project({ schemas: [GROUP_URN], members: page.map((m) => scimMember(m, ctx.baseUrl)) }).members;
      return Array.isArray(shown) ? JSON.stringify(shown).slice(1, -1) : '';
    };
    fills.push({ token, groupId: g.id, render });
    return { ...resource, members: token };
  });
  return { resources, fills };
}

export async function listGroups(ctx: ScimContext, params: ListParams): Promise<ScimResponse> {
  const displayName = params.filter !== null && !params.sortBy ? simpleEquality(params.filter, 'displayName') : null;
  // Okta's and Entra's lookup before each group push: one indexed lookup (with the token check), no count.
  if (displayName !== null) {
    const found = await ctx.reads.group({ displayName });
    const rendered = found && params.startIndex === 1 && params.count > 0 ? await renderGroups(ctx, [found], params) : null;
    return withMemberStreams(await matchResponse(found, params, () => rendered!.resources[0]), rendered?.fills ?? []);
  }
  const { list } = pageQuery(ctx.directoryId, params, GROUP_ATTRS, 'g');
  const { total, groups } = await list((env, page) => listGroupRows(env, page), {
    walk: `groups:${ctx.directoryId}`,
    countUpTo: (upTo) => countGroups(ctx.directoryId, upTo),
    totalOf: (out) => out.total,
    lastKey: (out) => {
      const last = out.groups.at(-1);
      return last ? { createdAt: last.createdAt, id: last.id } : null;
    },
  });
  const { resources, fills } = await renderGroups(ctx, groups, params);
  return withMemberStreams({ status: 200, headers: {}, body: listResponse(resources, total, params.startIndex) }, fills);
}

export async function getGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const row = await ctx.reads.group({ id });
  if (!row) throw notFound(`Group ${id} not found`);
  if (noneMatchHits(req.headers['if-none-match'], row.version)) return { status: 304, headers: {} };
  const { resources, fills } = await renderGroups(ctx, [row], projectionOf(req.query));
  return withMemberStreams(resourceResponse(resources[0], row.version), fills);
}

function memberRows(members: { value: string; display?: string }[]) {
  return members.map((m) => ({ userId: m.value, display: m.display ?? null }));
}

export async function createGroup(ctx: ScimContext, req: ScimRequest): Promise<ScimResponse> {
  const { resource, members } = normalizeGroup(parseJsonObject(req));
  checkMemberTotal(null, members.length);
  await reserveGroups(ctx.directoryId);
  const row = await createDirectoryGroup(scopeOf(ctx), resource, memberRows(members)).catch((e: unknown) => {
    releaseGroups(ctx.directoryId);
    throw e;
  });
  const { resources, fills } = await renderGroups(ctx, [row], projectionOf(req.query));
  return {
    ...withMemberStreams(resourceResponse(resources[0], row.version, 201), fills),
    decision: groupDecision(row.selected, `created (${members.length} ${members.length === 1 ? 'member' : 'members'})`),
  };
}

export async function replaceGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const { resource, members } = normalizeGroup(parseJsonObject(req));
  checkMemberTotal(id, members.length);
  const row = await replaceDirectoryGroup({ ...scopeOf(ctx), id }, resource, memberRows(members), { ifMatch: ifMatch(req) });
  const { resources, fills } = await renderGroups(ctx, [row], projectionOf(req.query));
  return {
    ...withMemberStreams(resourceResponse(resources[0], row.version), fills),
    decision: groupDecision(row.selected, `updated (replaced, ${members.length} ${members.length === 1 ? 'member' : 'members'})`),
  };
}

/**
 * Answers 204 unless the caller asked for attributes: Entra recommends 204 for group PATCH (returning the
 * member list is "not advisable"), and Okta accepts 200 or 204.
 */
export async function patchGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const { resourceOps, members } = planGroupPatch(parsePatchRequest(parseJsonObject(req)));
  if (members.clear) checkMemberTotal(id, members.add.size);
  else await reserveMembers({ directoryId: ctx.directoryId, groupId: id }, members.add.size);
  const next = resourceOps.length ? (current: ScimObject) => normalizeGroup(applyPatch(current, resourceOps, 'Group')).resource : null;
  const row = await patchDirectoryGroup({ ...scopeOf(ctx), id }, next, members, { ifMatch: ifMatch(req), known: ctx.reads.patchedGroup(id) });
  const p = projectionOf(req.query);
  // What the IdP asked for (a no-path value names its keys; Okta repeats the group's id and displayName in each).
  const asked = resourceOps.flatMap((op) =>
    op.pathText ? [op.pathText.split(/[.[]/)[0]] : Object.keys(op.value && typeof op.value === 'object' ? op.value : {}).filter((k) => k !== 'id'),
  );
  const decision = groupDecision(row.selected, groupPatchOutcome(asked, members));
  if (!p.attributes && !p.excludedAttributes) return { ...noContent({ ETag: etagOf(row.version) }), decision };
  const { resources, fills } = await renderGroups(ctx, [row], p);
  return { ...withMemberStreams(resourceResponse(resources[0], row.version), fills), decision };
}

export async function deleteGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const selected = await deleteDirectoryGroup({ ...scopeOf(ctx), id }, { ifMatch: ifMatch(req) });
  releaseGroups(ctx.directoryId);
  return { ...noContent(), decision: groupDecision(selected, 'deleted') };
}
