// Host API: one directory's tokens, users, groups and members (CONTRACT.md). Every id is looked up within the
// calling host, so another host's ids are 404 like unknown ones.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { readHostDirectory, scimEndpoint, type DirectoryRow } from '../directory/directories';
import type { SqlEnv, SqlProgram } from '../db/sql-program';
import { findGroup, groupViews, pageGroups, type DirectoryGroupRow, type GroupView } from '../directory/groups/reads';
import type { Page } from '../directory/keyset';
import { createDirectoryToken, listDirectoryTokens, revokeDirectoryToken, tokenJson } from '../directory/tokens';
import { findUserView, pageUsers, type UserView } from '../directory/users/reads';
import { createTokenInputSchema, listUsersQuerySchema, updateDirectoryInputSchema } from '../schemas/directory';
import { removeDirectory as deleteDirectoryOf, renameDirectory } from '../directory/directory-admin';
import { setDirectoryStatus } from '../directory/directory-status';
import { listQuerySchema, pageCursor, queryObject, readCursor } from '../schemas/pagination';
import { ApiError, apiNotFound } from './api-error';
import { userFilter } from './user-filter';
import { toApiDirectory, toApiGroup, toApiUser } from './serialize';
import type { ApiContext } from './with-api-key';

async function directoryOf(hostId: string, id: string): Promise<DirectoryRow> {
  const d = await readHostDirectory({ hostId, id });
  if (!d) throw apiNotFound('Directory');
  return d;
}

/** A group the host sees: one not selected (issue 19) is 404 like an unknown one. */
function* hostGroup(env: SqlEnv, directoryId: string, id: string): SqlProgram<DirectoryGroupRow | null> {
  const row = yield* findGroup(env, { directoryId, id });
  return row?.selected ? row : null;
}

function pageArgs(url: URL) {
  const q = listQuerySchema.parse(queryObject(url));
  const after = readCursor(q.cursor);
  if (q.cursor && !after) throw new ApiError('invalid_request', 400, 'cursor: invalid');
  return { limit: q.limit, after };
}

const nextCursor = (p: Page<unknown>): string | null => pageCursor(p.next);

const apiUsers = (views: UserView[]) => views.map((v) => toApiUser(v.row, v.groups, v.roles));
const apiGroup = (v: GroupView) => toApiGroup(v.row, v.roles);

export async function getDirectory({ hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  return Response.json({ ...toApiDirectory(d), scim: { endpoint: scimEndpoint(d.id) } });
}

export async function postToken({ hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = createTokenInputSchema.parse(await json());
  const d = await directoryOf(hostId, params.dirId);
  const t = await write(function* (env) {
    const created = yield* createDirectoryToken(env, { directoryId: d.id, expiresInDays: input.expiresInDays });
    yield* auditSql(env, {
      hostId,
      organizationId: d.organizationId,
      actor: `api-key:${keyId}`,
      action: 'token.created',
      target: created.id,
      details: { directoryId: d.id, lastFour: created.lastFour },
    });
    return created;
  });
  return Response.json(
    { id: t.id, token: t.token, lastFour: t.lastFour, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt?.toISOString() ?? null },
    { status: 201 },
  );
}

export async function getTokens({ hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  const rows = await read(() => listDirectoryTokens({ directoryId: d.id }));
  return Response.json({ data: rows.map(tokenJson), nextCursor: null });
}

export async function deleteToken({ hostId, keyId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  const found = await write(function* (env) {
    const ok = yield* revokeDirectoryToken(env, { directoryId: d.id, tokenId: params.tokenId });
    if (ok)
      yield* auditSql(env, {
        hostId,
        organizationId: d.organizationId,
        actor: `api-key:${keyId}`,
        action: 'token.revoked',
        target: params.tokenId,
        details: { directoryId: d.id },
      });
    return ok;
  });
  if (!found) throw apiNotFound('Token');
  return new Response(null, { status: 204 });
}

export async function getUsers({ hostId, params, url }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  const { groupId, filter } = listUsersQuerySchema.parse(queryObject(url));
  const { where, reader } = await userFilter(hostId, d.id, filter, Boolean(groupId));
  const p = await reader(function* (env) {
    if (groupId && !(yield* hostGroup(env, d.id, groupId))) return null;
    return yield* pageUsers(env, { directoryId: d.id, groupId, where: where(env.dialect), ...pageArgs(url) });
  });
  if (!p) throw apiNotFound('Group');
  return Response.json({ data: apiUsers(p.rows), nextCursor: nextCursor(p) });
}

export async function getUser({ hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  const u = await read((env) => findUserView(env, { directoryId: d.id, id: params.userId }));
  if (!u) throw apiNotFound('User');
  return Response.json(apiUsers([u])[0]);
}

export async function getGroups({ hostId, params, url }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  const { rows, next } = await read(function* (env) {
    const page = yield* pageGroups(env, { directoryId: d.id, ...pageArgs(url), selectedOnly: true });
    return { rows: (yield* groupViews(env, page.rows)).map(apiGroup), next: page.next };
  });
  return Response.json({ data: rows, nextCursor: nextCursor({ rows, next }) });
}

export async function getGroup({ hostId, params }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  const g = await read(function* (env) {
    const row = yield* hostGroup(env, d.id, params.groupId);
    return row ? (yield* groupViews(env, [row])).map(apiGroup)[0] : null;
  });
  if (!g) throw apiNotFound('Group');
  return Response.json(g);
}

export async function getGroupMembers({ hostId, params, url }: ApiContext): Promise<Response> {
  const d = await directoryOf(hostId, params.dirId);
  const p = await read(function* (env) {
    if (!(yield* hostGroup(env, d.id, params.groupId))) return null;
    return yield* pageUsers(env, { directoryId: d.id, groupId: params.groupId, ...pageArgs(url) });
  });
  if (!p) throw apiNotFound('Group');
  return Response.json({ data: apiUsers(p.rows), nextCursor: nextCursor(p) });
}

export async function patchDirectory({ hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = updateDirectoryInputSchema.parse(await json());
  let d = await directoryOf(hostId, params.dirId);
  const actor = `api-key:${keyId}`;
  if (input.name !== undefined) d = await renameDirectory({ hostId, actor, directory: d, name: input.name });
  if (input.status !== undefined) d = await setDirectoryStatus({ hostId, directory: d, status: input.status, actor });
  return Response.json({ ...toApiDirectory(d), scim: { endpoint: scimEndpoint(d.id) } });
}

export async function removeDirectory({ hostId, keyId, params }: ApiContext): Promise<Response> {
  await deleteDirectoryOf({ hostId, actor: `api-key:${keyId}`, directoryId: params.dirId });
  return new Response(null, { status: 204 });
}
