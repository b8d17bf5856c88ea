// Host API: one directory's tokens, users, groups and members (CONTRACT.md). Every id is looked up within the
// calling host, so another host's ids are 404 like unknown ones.
import { audit } from '../audit/audit-log';
import type { Db } from '../db/client';
import { transaction } from '../db/transaction';
import { findHostDirectory, scimEndpoint, type DirectoryRow } from '../directory/directories';
import { memberCounts, pageGroups, pageUsers, type Page } from '../directory/directory-queries';
import { findGroup, type GroupRow } from '../directory/group-store';
import { createDirectoryToken, listDirectoryTokens, revokeDirectoryToken } from '../directory/tokens';
import { findUser, groupsOfUsers, type UserRow } from '../directory/user-store';
import { rolesOfGroups, rolesOfUsers } from '../roles/recompute-roles';
import { createTokenInputSchema, listUsersQuerySchema, updateDirectoryInputSchema } from '../schemas/directory';
import { removeDirectory as deleteDirectoryOf, renameDirectory } from '../directory/directory-admin';
import { setDirectoryStatus } from '../directory/directory-status';
import { decodeCursor, encodeCursor, listQuerySchema, queryObject } from '../schemas/pagination';
import { ApiError, apiNotFound } from './api-error';
import { toApiDirectory, toApiGroup, toApiUser } from './serialize';
import type { ApiContext } from './with-api-key';

async function directoryOf(db: Db, hostId: string, id: string): Promise<DirectoryRow> {
  const d = await findHostDirectory(db, { hostId, id });
  if (!d) throw apiNotFound('Directory');
  return d;
}

function pageArgs(url: URL) {
  const q = listQuerySchema.parse(queryObject(url));
  const c = decodeCursor(q.cursor, ['c', 'i']);
  if (q.cursor && !c) throw new ApiError('invalid_request', 400, 'cursor: invalid');
  return { limit: q.limit, after: c ? { createdAt: new Date(c.c), id: c.i } : null };
}

function nextCursor(p: Page<unknown>): string | null {
  return p.next ? encodeCursor({ c: p.next.createdAt.toISOString(), i: p.next.id }) : null;
}

/** Users with their groups and roles: two queries for a whole page. */
async function apiUsers(db: Db, directoryId: string, rows: UserRow[]) {
  const ids = rows.map((u) => u.id);
  const [groups, roles] = await Promise.all([groupsOfUsers(db, { directoryId, userIds: ids }), rolesOfUsers(db, ids)]);
  return rows.map((u) => toApiUser(u, groups.get(u.id) ?? [], roles.get(u.id) ?? []));
}

async function apiGroups(db: Db, rows: GroupRow[]) {
  const ids = rows.map((g) => g.id);
  const [counts, roles] = await Promise.all([memberCounts(db, ids), rolesOfGroups(db, ids)]);
  return rows.map((g) => toApiGroup(g, counts.get(g.id) ?? 0, roles.get(g.id) ?? []));
}

export async function getDirectory({ db, hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  return Response.json({ ...toApiDirectory(d), scim: { endpoint: scimEndpoint(d.id) } });
}

export async function postToken({ db, hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = createTokenInputSchema.parse(await json());
  const d = await directoryOf(db, hostId, params.dirId);
  const t = await transaction(db, async (tx) => {
    const created = await createDirectoryToken(tx, { directoryId: d.id, expiresInDays: input.expiresInDays });
    await audit(tx, { hostId, organizationId: d.organizationId, actor: `api-key:${keyId}`, action: 'token.created', target: created.id, details: { directoryId: d.id, lastFour: created.lastFour } });
    return created;
  });
  return Response.json(
    { id: t.id, token: t.token, lastFour: t.lastFour, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null },
    { status: 201 },
  );
}

export async function getTokens({ db, hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  const rows = await listDirectoryTokens(db, { directoryId: d.id });
  const iso = (x: Date | null) => x?.toISOString() ?? null;
  return Response.json({
    data: rows.map((t) => ({
      id: t.id,
      lastFour: t.lastFour,
      createdAt: t.createdAt.toISOString(),
      expiresAt: iso(t.expiresAt),
      lastUsedAt: iso(t.lastUsedAt),
      revokedAt: iso(t.revokedAt),
    })),
    nextCursor: null,
  });
}

export async function deleteToken({ db, hostId, keyId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  const found = await transaction(db, async (tx) => {
    const ok = await revokeDirectoryToken(tx, { directoryId: d.id, tokenId: params.tokenId });
    if (ok) await audit(tx, { hostId, organizationId: d.organizationId, actor: `api-key:${keyId}`, action: 'token.revoked', target: params.tokenId, details: { directoryId: d.id } });
    return ok;
  });
  if (!found) throw apiNotFound('Token');
  return new Response(null, { status: 204 });
}

export async function getUsers({ db, hostId, params, url }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  const { groupId } = listUsersQuerySchema.parse(queryObject(url));
  if (groupId && !(await findGroup(db, { directoryId: d.id, id: groupId }))) throw apiNotFound('Group');
  const p = await pageUsers(db, { directoryId: d.id, groupId, ...pageArgs(url) });
  return Response.json({ data: await apiUsers(db, d.id, p.rows), nextCursor: nextCursor(p) });
}

export async function getUser({ db, hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  const u = await findUser(db, { directoryId: d.id, id: params.userId });
  if (!u) throw apiNotFound('User');
  return Response.json((await apiUsers(db, d.id, [u]))[0]);
}

export async function getGroups({ db, hostId, params, url }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  const p = await pageGroups(db, { directoryId: d.id, ...pageArgs(url) });
  return Response.json({ data: await apiGroups(db, p.rows), nextCursor: nextCursor(p) });
}

export async function getGroup({ db, hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  const g = await findGroup(db, { directoryId: d.id, id: params.groupId });
  if (!g) throw apiNotFound('Group');
  return Response.json((await apiGroups(db, [g]))[0]);
}

export async function getGroupMembers({ db, hostId, params, url }: ApiContext): Promise<Response> {
  const d = await directoryOf(db, hostId, params.dirId);
  const g = await findGroup(db, { directoryId: d.id, id: params.groupId });
  if (!g) throw apiNotFound('Group');
  const p = await pageUsers(db, { directoryId: d.id, groupId: g.id, ...pageArgs(url) });
  return Response.json({ data: await apiUsers(db, d.id, p.rows), nextCursor: nextCursor(p) });
}

export async function patchDirectory({ db, hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = updateDirectoryInputSchema.parse(await json());
  let d = await directoryOf(db, hostId, params.dirId);
  const actor = `api-key:${keyId}`;
  if (input.name !== undefined) d = await renameDirectory(db, { hostId, actor, directory: d, name: input.name });
  if (input.status !== undefined) d = await setDirectoryStatus(db, { hostId, directory: d, status: input.status, actor });
  return Response.json({ ...toApiDirectory(d), scim: { endpoint: scimEndpoint(d.id) } });
}

export async function removeDirectory({ db, hostId, keyId, params }: ApiContext): Promise<Response> {
  await deleteDirectoryOf(db, { hostId, actor: `api-key:${keyId}`, directoryId: params.dirId });
  return new Response(null, { status: 204 });
}
