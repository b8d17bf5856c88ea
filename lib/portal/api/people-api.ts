// Users, groups and members of a directory for the portal tables: keyset pages, one query each for the groups,
// roles and member counts of a whole page.
import { memberCounts, pageUsers } from '../../directory/directory-queries';
import { findGroup } from '../../directory/group-store';
import { findUser, groupsOfUsers } from '../../directory/user-store';
import type { UserRow } from '../../directory/user-store';
import type { Db } from '../../db/client';
import { apiNotFound } from '../../host-api/api-error';
import { toApiGroup, toApiUser } from '../../host-api/serialize';
import { rolesOfGroups, rolesOfUsers } from '../../roles/recompute-roles';
import { pageCursor, readCursor } from '../portal-json';
import { portalListQuerySchema } from '../schemas';
import { searchGroups } from '../search-groups';
import { searchUsers } from '../search-users';
import type { PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

function listArgs(url: URL) {
  const q = portalListQuerySchema.parse(Object.fromEntries(url.searchParams));
  return { limit: q.limit, after: readCursor(q.cursor), query: q.q ?? '' };
}

async function userRows(db: Db, directoryId: string, rows: UserRow[]) {
  const ids = rows.map((u) => u.id);
  const [groups, roles] = await Promise.all([groupsOfUsers(db, { directoryId, userIds: ids }), rolesOfUsers(db, ids)]);
  return rows.map((u) => {
    // The table needs the columns, not the whole SCIM resource; the user page fetches that.
    const { attributes: _attributes, ...rest } = toApiUser(u, groups.get(u.id) ?? [], roles.get(u.id) ?? []);
    return rest;
  });
}

export async function listUsers(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const p = await searchUsers(ctx.db, { directoryId: d.id, ...listArgs(ctx.url) });
  return Response.json({ data: await userRows(ctx.db, d.id, p.rows), nextCursor: pageCursor(p.next) });
}

export async function getUser(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const u = await findUser(ctx.db, { directoryId: d.id, id: ctx.params.userId });
  if (!u) throw apiNotFound('User');
  const [groups, roles] = await Promise.all([groupsOfUsers(ctx.db, { directoryId: d.id, userIds: [u.id] }), rolesOfUsers(ctx.db, [u.id])]);
  return Response.json(toApiUser(u, groups.get(u.id) ?? [], roles.get(u.id) ?? []));
}

export async function listGroups(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const p = await searchGroups(ctx.db, { directoryId: d.id, ...listArgs(ctx.url) });
  const ids = p.rows.map((g) => g.id);
  const [counts, roles] = await Promise.all([memberCounts(ctx.db, ids), rolesOfGroups(ctx.db, ids)]);
  const data = p.rows.map((g) => {
    const { attributes: _attributes, ...rest } = toApiGroup(g, counts.get(g.id) ?? 0, roles.get(g.id) ?? []);
    return rest;
  });
  return Response.json({ data, nextCursor: pageCursor(p.next) });
}

export async function getGroup(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const g = await findGroup(ctx.db, { directoryId: d.id, id: ctx.params.groupId });
  if (!g) throw apiNotFound('Group');
  const [counts, roles] = await Promise.all([memberCounts(ctx.db, [g.id]), rolesOfGroups(ctx.db, [g.id])]);
  return Response.json(toApiGroup(g, counts.get(g.id) ?? 0, roles.get(g.id) ?? []));
}

export async function listMembers(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const { limit, after } = listArgs(ctx.url);
  const p = await pageUsers(ctx.db, { directoryId: d.id, groupId: ctx.params.groupId, limit, after });
  return Response.json({ data: await userRows(ctx.db, d.id, p.rows), nextCursor: pageCursor(p.next) });
}
