// /Users: RFC 7644 §3.3 (create), §3.4 (query), §3.5.1 (PUT), §3.5.2 (PATCH), §3.6 (DELETE).
import { createDirectoryUser, deleteDirectoryUser, rewriteDirectoryUser } from '../directory/user-service';
import { findUserFast, groupsOfUsersFast, type FoundUser } from '../directory/fast-queries';
import type { UserRow } from '../directory/user-store';
import type { UserReadRow } from '../directory/user-row';
import { userNameEquality } from './filter/simple-filters';
import { dialect } from '../db/client';
import { sameRead, scopeOf, type ScimContext, type UserRead } from './context';
import { noneMatchHits } from './etag';
import { notFound } from './errors';
import { parsedFilter } from './filter/parsed-filter';
import { userFilterToWhere, userOrderBy } from './filter/to-where';
import { parseJsonObject } from './json-body';
import { listParamsFromQuery, type ListParams } from './list-params';
import { ifMatch, projectionOf, type Projection } from './request-options';
import { applyPatch } from './patch/apply-patch';
import { parsePatchRequest } from './patch/parse-patch';
import { projectAttributes } from './projection';
import { normalizeUser } from './resources/normalize-user';
import { listResponse, toScimUser } from './serialize';
import { reserveUsers } from './quotas';
import { noContent, resourceResponse, toScimError, wantsAttribute } from './responses';
import type { ScimObject, ScimRequest, ScimResponse } from './types';

type GroupsByUser = Map<string, { id: string; displayName: string }[]>;

const idRead = (id: string, p: Projection): UserRead => ({
  by: { id },
  withGroups: wantsAttribute('groups', p.attributes, p.excludedAttributes),
});

/** The lookup of `userName eq "x"` (unsorted), else null. */
function userNameRead(params: ListParams): UserRead | null {
  const userName = params.filter !== null && !params.sortBy ? userNameEquality(params.filter) : null;
  return userName === null ? null : { by: { userName }, withGroups: wantsAttribute('groups', params.attributes, params.excludedAttributes) };
}

/**
 * The one user a GET /Users/{id} or GET /Users?filter=userName eq "x" looks up, known before the token check so
 * serve-scim.ts can run both in one query; null for every other request (and for one that fails to parse: the
 * endpoint then answers it as usual).
 */
export function plannedUserRead(req: ScimRequest): UserRead | null {
  const [first, id, ...rest] = req.path;
  if (req.method.toUpperCase() !== 'GET' || first?.toLowerCase() !== 'users' || rest.length) return null;
  try {
    if (id === undefined) return userNameRead(listParamsFromQuery(req.query));
    return id === '.search' ? null : idRead(id, projectionOf(req.query));
  } catch {
    return null;
  }
}

/** The user the token check read with it (no promise: the hot path's GET), else a query of its own. */
function lookUp(ctx: ScimContext, read: UserRead): FoundUser | null | Promise<FoundUser | null> {
  const pre = ctx.prefetched;
  if (pre && sameRead(pre.read, read)) return pre.found;
  return findUserFast(ctx.directoryId, read.by, read.withGroups);
}

function renderWith(ctx: ScimContext, rows: UserReadRow[], p: Projection, groups: GroupsByUser): ScimObject[] {
  return rows.map((r) =>
    projectAttributes(toScimUser(r, groups.get(r.id) ?? [], ctx.baseUrl), 'User', p.attributes, p.excludedAttributes),
  );
}

async function render(ctx: ScimContext, rows: UserReadRow[], p: Projection, known?: GroupsByUser): Promise<ScimObject[]> {
  const groups =
    known ??
    (wantsAttribute('groups', p.attributes, p.excludedAttributes)
      ? await groupsOfUsersFast(ctx.directoryId, rows.map((r) => r.id))
      : new Map<string, { id: string; displayName: string }[]>());
  return renderWith(ctx, rows, p, groups);
}

async function one(ctx: ScimContext, row: UserRow, p: Projection, status = 200, known?: GroupsByUser): Promise<ScimResponse> {
  const [resource] = await render(ctx, [row], p, known);
  return resourceResponse(resource, row.version, status);
}

export async function listUsers(ctx: ScimContext, params: ListParams): Promise<ScimResponse> {
  const read = userNameRead(params);
  if (read !== null) {
    // Okta's and Entra's match query, `userName eq "x"`: one indexed lookup, no count.
    const looked = lookUp(ctx, read);
    const found = looked instanceof Promise ? await looked : looked;
    const page = found && params.startIndex === 1 && params.count > 0 ? [found.row] : [];
    const known: GroupsByUser = new Map(found ? [[found.row.id, found.groups]] : []);
    return { status: 200, headers: {}, body: listResponse(renderWith(ctx, page, params, known), found ? 1 : 0, params.startIndex) };
  }
  const where = {
    directoryId: ctx.directoryId,
    ...(params.filter !== null ? userFilterToWhere(await parsedFilter(ctx, params.filter, 'User'), { dialect: dialect() }) : {}),
  };
  const orderBy = userOrderBy(params.sortBy, params.sortOrder);
  const [total, rows] = await Promise.all([
    ctx.db.directoryUser.count({ where }),
    params.count === 0
      ? Promise.resolve([])
      : ctx.db.directoryUser.findMany({ where, orderBy, skip: params.startIndex - 1, take: params.count }),
  ]);
  const resources = await render(ctx, rows, params);
  return { status: 200, headers: {}, body: listResponse(resources, total, params.startIndex) };
}

export async function getUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const p = projectionOf(req.query);
  // The user and its groups in one query; usually read with the token check, then no await here at all.
  const looked = lookUp(ctx, idRead(id, p));
  const found = looked instanceof Promise ? await looked : looked;
  if (!found) throw notFound(`User ${id} not found`);
  const { row, groups } = found;
  if (noneMatchHits(req.headers['if-none-match'], row.version)) return { status: 304, headers: {} };
  const [resource] = renderWith(ctx, [row], p, new Map([[row.id, groups]]));
  return resourceResponse(resource, row.version);
}

export async function createUser(ctx: ScimContext, req: ScimRequest): Promise<ScimResponse> {
  const resource = normalizeUser(parseJsonObject(req));
  await reserveUsers(ctx.db, ctx.directoryId);
  const row = await createDirectoryUser(scopeOf(ctx), resource).catch((e) => {
    throw toScimError(e);
  });
  // A user just created is in no group yet.
  return one(ctx, row, projectionOf(req.query), 201, new Map());
}

export async function replaceUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const resource = normalizeUser(parseJsonObject(req));
  const row = await rewriteDirectoryUser({ ...scopeOf(ctx), id }, () => resource, {
    ifMatch: ifMatch(req),
  }).catch((e) => {
    throw toScimError(e);
  });
  return one(ctx, row, projectionOf(req.query));
}

export async function patchUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  const ops = parsePatchRequest(parseJsonObject(req));
  const row = await rewriteDirectoryUser(
    { ...scopeOf(ctx), id },
    (current) => normalizeUser(applyPatch(current, ops, 'User')),
    { ifMatch: ifMatch(req) },
  ).catch((e) => {
    throw toScimError(e);
  });
  return one(ctx, row, projectionOf(req.query));
}

export async function deleteUser(ctx: ScimContext, id: string, req: ScimRequest): Promise<ScimResponse> {
  await deleteDirectoryUser({ ...scopeOf(ctx), id }, { ifMatch: ifMatch(req) }).catch((e) => {
    throw toScimError(e);
  });
  return noContent();
}
