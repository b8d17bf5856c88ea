// /Users: RFC 7644 §3.3 (create), §3.4 (query), §3.5.1 (PUT), §3.5.2 (PATCH), §3.6 (DELETE).
import { convertHostFields } from '../attributes/convert';
import { userAttrsOf, type HostUserExtension } from '../attributes/host-attrs';
import { writeMapping } from '../attributes/mapping-context';
import { countUsers, listUsers as listUserRows, type GroupRef, type UserResponseRow } from '../directory/users/reads';
import { createDirectoryUser } from '../directory/users/create';
import { deleteDirectoryUser } from '../directory/users/delete';
import { rewriteDirectoryUser } from '../directory/users/rewrite';
import { scopeOf, type ScimContext } from './context';
import { noneMatchHits } from './etag';
import { notFound } from './errors';
import { simpleEquality } from './filter/simple-filters';
import { parseJsonObject } from './json-body';
import type { ListParams } from './list-params';
import { matchResponse, pageQuery } from './list-query';
import { applyPatch } from './patch/apply-patch';
import { parsePatchRequest } from './patch/parse-patch';
import { projectAttributes } from './projection';
import { ifMatch, projectionOf, type Projection } from './request-options';
import { normalizeUser } from './resources/normalize-user';
import { releaseKept, releaseUsers, reserveUsers, roomToKeep } from './quotas';
import { noContent, resourceResponse, wantsAttribute } from './responses';
import { listResponse, toScimUser } from './serialize';
import type { ScimObject, ScimRequest, ScimResponse } from './types';

export function renderUser(ctx: ScimContext, row: UserResponseRow, groups: GroupRef[], p: Projection): ScimObject {
  return projectAttributes(toScimUser(row, groups, ctx.baseUrl), 'User', p.attributes, p.excludedAttributes);
}

const wantsGroups = (p: Projection) => wantsAttribute('groups', p.attributes, p.excludedAttributes);

export async function listUsers(ctx: ScimContext, params: ListParams): Promise<ScimResponse> {
  const withGroups = wantsGroups(params);
  const userName = params.filter !== null && !params.sortBy ? simpleEquality(params.filter, 'userName') : null;
  // Okta's and Entra's match query, `userName eq "x"`: one indexed lookup (with the token check), no count.
  if (userName !== null) return matchResponse(await ctx.reads.user({ by: { userName }, withGroups }), params, (u) => renderUser(ctx, u.row, u.groups, params));
  const { list } = pageQuery(ctx.directoryId, params, userAttrsOf(ctx.userExtension), 'u');
  const { total, users } = await list((env, page) => listUserRows(env, { ...page, withGroups }), {
    walk: `users:${ctx.directoryId}`,
    countUpTo: (upTo) => countUsers(ctx.directoryId, { scim: true, upTo }),
    totalOf: (out) => out.total,
    lastKey: (out) => {
      const last = out.users.at(-1)?.row;
      return last ? { createdAt: last.createdAt, id: last.id } : null;
    },
  });
  return {
    status: 200,
    headers: {},
    body: listResponse(
      users.map((u) => renderUser(ctx, u.row, u.groups, params)),
      total,
      params.startIndex,
    ),
  };
}

export async function getUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const p = projectionOf(req.query);
  const found = await ctx.reads.user({ by: { id }, withGroups: wantsGroups(p) });
  if (!found) throw notFound(`User ${id} not found`);
  if (noneMatchHits(req.headers['if-none-match'], found.row.version)) return { status: 304, headers: {} };
  return resourceResponse(renderUser(ctx, found.row, found.groups, p), found.row.version);
}

/** A user as normalised, with the host's fields converted to their types (lib/attributes/convert.ts). */
function withHostFields(resource: ScimObject, ext: HostUserExtension | null): ScimObject {
  return ext ? convertHostFields(resource, ext.userSchema).resource : resource;
}

export async function createUser(ctx: ScimContext, req: ScimRequest): Promise<ScimResponse> {
  const resource = withHostFields(normalizeUser(parseJsonObject(req)), ctx.userExtension);
  const mapping = writeMapping(ctx.userExtension, ctx.attributeMapping);
  await reserveUsers(ctx.directoryId);
  // A re-provisioned person (same externalId) is linked to the user we have, with the groups it is in: still 201.
  const { row, groups, outcome, linked } = await createDirectoryUser(scopeOf(ctx), resource, { mapping }).catch((e: unknown) => {
    releaseUsers(ctx.directoryId);
    throw e;
  });
  if (linked === 'listed') releaseUsers(ctx.directoryId);
  if (linked === 'kept') releaseKept(ctx.directoryId);
  return { ...resourceResponse(renderUser(ctx, row, groups, projectionOf(req.query)), row.version, 201), decision: outcome };
}

export async function replaceUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const resource = withHostFields(normalizeUser(parseJsonObject(req)), ctx.userExtension);
  const mapping = writeMapping(ctx.userExtension, ctx.attributeMapping);
  const { row, groups, outcome } = await rewriteDirectoryUser({ ...scopeOf(ctx), id }, () => resource, { ifMatch: ifMatch(req), mapping });
  return { ...resourceResponse(renderUser(ctx, row, groups, projectionOf(req.query)), row.version), decision: outcome };
}

export async function patchUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const ops = parsePatchRequest(parseJsonObject(req));
  const ext = ctx.userExtension;
  const mapping = writeMapping(ext, ctx.attributeMapping);
  const { row, groups, outcome } = await rewriteDirectoryUser(
    { ...scopeOf(ctx), id },
    (current) => withHostFields(normalizeUser(applyPatch(current, ops, 'User')), ext),
    { ifMatch: ifMatch(req), mapping },
  );
  return { ...resourceResponse(renderUser(ctx, row, groups, projectionOf(req.query)), row.version), decision: outcome };
}

export async function deleteUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  // Counted in memory, read again at most once a minute (or every few seconds near the bound): no statement on most DELETEs.
  const keep = await roomToKeep(ctx.directoryId);
  const { decision, kept } = await deleteDirectoryUser({ ...scopeOf(ctx), id }, { ifMatch: ifMatch(req), keep }).catch((e: unknown) => {
    if (keep) releaseKept(ctx.directoryId);
    throw e;
  });
  releaseUsers(ctx.directoryId);
  if (keep && !kept) releaseKept(ctx.directoryId);
  return { ...noContent(), decision };
}
