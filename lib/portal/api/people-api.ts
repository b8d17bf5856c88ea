// Users, groups and members of a directory for the portal tables: keyset pages, with the groups and roles of a
// whole page of users (and the member counts and roles of a page of groups) in the same statements.
import { read, scan, type Reader } from '../../db/database';
import { findGroup, groupViews, pageGroups, type GroupView } from '../../directory/groups/reads';
import { findUserView, pageUsers, type UserView } from '../../directory/users/reads';
import { apiNotFound } from '../../host-api/api-error';
import { toApiGroup, toApiUser } from '../../host-api/serialize';
import { pageCursor, readCursor } from '../../schemas/pagination';
import { portalListQuerySchema } from '../schemas';
import type { PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

function listArgs(url: URL) {
  const q = portalListQuerySchema.parse(Object.fromEntries(url.searchParams));
  return { limit: q.limit, after: readCursor(q.cursor), query: q.q ?? '' };
}

/** A search (substrings no index holds) may read the whole directory: a scan (lib/db/scan-gate.ts). */
const readerOf = (query: string): Reader => (query.trim() ? scan : read);

// `selected`: whether the app receives the group (issue 19); the IT admin sees every group the IdP pushed.
const apiGroup = (v: GroupView) => ({ ...toApiGroup(v.row, v.roles), selected: v.row.selected });

/** The table needs the columns, not the whole SCIM resource; the user page fetches that. */
function userRows(views: UserView[]) {
  return views.map((v) => {
    const { attributes: _attributes, ...rest } = toApiUser(v.row, v.groups, v.roles);
    return rest;
  });
}

export async function listUsers(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const args = listArgs(ctx.url);
  const p = await readerOf(args.query)((env) => pageUsers(env, { directoryId: d.id, ...args }));
  return Response.json({ data: userRows(p.rows), nextCursor: pageCursor(p.next) });
}

export async function getUser(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const u = await read((env) => findUserView(env, { directoryId: d.id, id: ctx.params.userId }));
  if (!u) throw apiNotFound('User');
  return Response.json(toApiUser(u.row, u.groups, u.roles));
}

export async function listGroups(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const args = listArgs(ctx.url);
  const { data, next } = await readerOf(args.query)(function* (env) {
    const p = yield* pageGroups(env, { directoryId: d.id, ...args });
    return { data: (yield* groupViews(env, p.rows)).map(apiGroup), next: p.next };
  });
  return Response.json({ data: data.map(({ attributes: _attributes, ...rest }) => rest), nextCursor: pageCursor(next) });
}

export async function getGroup(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const g = await read(function* (env) {
    const row = yield* findGroup(env, { directoryId: d.id, id: ctx.params.groupId });
    return row ? (yield* groupViews(env, [row])).map(apiGroup)[0] : null;
  });
  if (!g) throw apiNotFound('Group');
  return Response.json(g);
}

export async function listMembers(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const { limit, after } = listArgs(ctx.url);
  const p = await read((env) => pageUsers(env, { directoryId: d.id, groupId: ctx.params.groupId, limit, after }));
  return Response.json({ data: userRows(p.rows), nextCursor: pageCursor(p.next) });
}
