// /Groups: RFC 7644 §3.3–3.6. Members are rows; a PATCH touches only the members it names.
import {
  createDirectoryGroup,
  deleteDirectoryGroup,
  patchDirectoryGroup,
  replaceDirectoryGroup,
} from '../directory/group-service';
import { findGroup, type GroupRow } from '../directory/group-store';
import { listMembers } from '../directory/membership-store';
import { dialect } from '../db/client';
import { scopeOf, type ScimContext } from './context';
import { etagOf, noneMatchHits } from './etag';
import { notFound } from './errors';
import { parsedFilter } from './filter/parsed-filter';
import { groupFilterToWhere, groupOrderBy } from './filter/to-where';
import { parseJsonObject } from './json-body';
import type { ListParams } from './list-params';
import { applyPatch } from './patch/apply-patch';
import { planGroupPatch } from './patch/group-members';
import { parsePatchRequest } from './patch/parse-patch';
import { projectAttributes } from './projection';
import { ifMatch, projectionOf, type Projection } from './request-options';
import { normalizeGroup } from './resources/normalize-group';
import { noContent, resourceResponse, toScimError, wantsAttribute } from './responses';
import { listResponse, toScimGroup } from './serialize';
import { checkMemberTotal, reserveGroups, reserveMembers } from './quotas';
import type { ScimObject, ScimRequest, ScimResponse } from './types';

async function render(ctx: ScimContext, row: GroupRow, p: Projection): Promise<ScimObject> {
  const members = wantsAttribute('members', p.attributes, p.excludedAttributes)
    ? await listMembers(ctx.db, { groupId: row.id })
    : undefined;
  return projectAttributes(toScimGroup(row, members, ctx.baseUrl), 'Group', p.attributes, p.excludedAttributes);
}

const rethrow = (e: unknown) => {
  throw toScimError(e);
};

export async function listGroups(ctx: ScimContext, params: ListParams): Promise<ScimResponse> {
  const where = {
    directoryId: ctx.directoryId,
    ...(params.filter !== null ? groupFilterToWhere(await parsedFilter(ctx, params.filter, 'Group'), { dialect: dialect() }) : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.db.directoryGroup.count({ where }),
    params.count === 0
      ? Promise.resolve([])
      : ctx.db.directoryGroup.findMany({
          where,
          orderBy: groupOrderBy(params.sortBy, params.sortOrder),
          skip: params.startIndex - 1,
          take: params.count,
        }),
  ]);
  const resources = await Promise.all(rows.map((r) => render(ctx, r, params)));
  return { status: 200, headers: {}, body: listResponse(resources, total, params.startIndex) };
}

export async function getGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const row = await findGroup(ctx.db, { ...scopeOf(ctx), id });
  if (!row) throw notFound(`Group ${id} not found`);
  if (noneMatchHits(req.headers['if-none-match'], row.version)) return { status: 304, headers: {} };
  return resourceResponse(await render(ctx, row, projectionOf(req.query)), row.version);
}

function memberRows(members: { value: string; display?: string }[]) {
  return members.map((m) => ({ userId: m.value, display: m.display ?? null }));
}

export async function createGroup(ctx: ScimContext, req: ScimRequest): Promise<ScimResponse> {
  const { resource, members } = normalizeGroup(parseJsonObject(req));
  checkMemberTotal(null, members.length);
  await reserveGroups(ctx.db, ctx.directoryId);
  const row = await createDirectoryGroup(scopeOf(ctx), resource, memberRows(members)).catch(rethrow);
  return resourceResponse(await render(ctx, row, projectionOf(req.query)), row.version, 201);
}

export async function replaceGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const { resource, members } = normalizeGroup(parseJsonObject(req));
  checkMemberTotal(id, members.length);
  const row = await replaceDirectoryGroup({ ...scopeOf(ctx), id }, resource, memberRows(members), {
    ifMatch: ifMatch(req),
  }).catch(rethrow);
  return resourceResponse(await render(ctx, row, projectionOf(req.query)), row.version);
}

/**
 * The group a PATCH of /Groups/{id} changes, to read with the token check (serve-scim.ts), on PostgreSQL only: there
 * it saves a round trip; SQLite reads it inside the write's transaction, in process.
 */
export function plannedGroupPatch(req: ScimRequest): string | null {
  const [first, id, ...rest] = req.path;
  if (req.method.toUpperCase() !== 'PATCH' || first?.toLowerCase() !== 'groups' || !id || rest.length) return null;
  return dialect() === 'postgres' ? id : null;
}

/**
 * Answers 204 unless the caller asked for attributes: Entra recommends 204 for group PATCH (returning the
 * member list is "not advisable"), and Okta accepts 200 or 204.
 */
export async function patchGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const { resourceOps, members } = planGroupPatch(parsePatchRequest(parseJsonObject(req)));
  if (members.clear) checkMemberTotal(id, members.add.size);
  else await reserveMembers(ctx.db, { directoryId: ctx.directoryId, groupId: id }, members.add.size);
  const next = resourceOps.length
    ? (current: ScimObject) => normalizeGroup(applyPatch(current, resourceOps, 'Group')).resource
    : null;
  const pre = ctx.prefetchedGroup;
  const row = await patchDirectoryGroup({ ...scopeOf(ctx), id }, next, members, {
    ifMatch: ifMatch(req),
    known: pre && pre.id === id ? pre.found : undefined,
  }).catch(rethrow);
  const p = projectionOf(req.query);
  if (!p.attributes && !p.excludedAttributes) return noContent({ ETag: etagOf(row.version) });
  return resourceResponse(await render(ctx, row, p), row.version);
}

export async function deleteGroup(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  await deleteDirectoryGroup({ ...scopeOf(ctx), id }, { ifMatch: ifMatch(req) }).catch(rethrow);
  return noContent();
}
