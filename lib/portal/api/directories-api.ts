// The portal's directory endpoints: list, configure (create with its first token), read, enable/disable, status.
import { auditSql } from '../../audit/audit-log';
import { read, write } from '../../db/database';
import { createDirectory, listOrganizationDirectories, type DirectoryRow } from '../../directory/directories';
import { countGroups } from '../../directory/groups/reads';
import { countUsers } from '../../directory/users/reads';
import { ApiError } from '../../host-api/api-error';
import { connectionStatus } from '../connection-status';
import { toPortalDirectory, toPortalToken } from '../portal-json';
import { configureDirectoryInputSchema, setDirectoryStatusInputSchema } from '../schemas';
import { setDirectoryStatus } from '../../directory/directory-status';
import { portalActor, type PortalContext } from '../with-portal-session';

/** withPortalSession resolved and checked the directory of the path; this only narrows the type. */
export function directoryOf(ctx: PortalContext): DirectoryRow {
  if (!ctx.directory) throw new ApiError('not_found', 404, 'Directory not found');
  return ctx.directory;
}

export async function listDirectories({ session }: PortalContext): Promise<Response> {
  const rows = await read(() => listOrganizationDirectories({ organizationId: session.organizationId }));
  return Response.json({ data: rows.map(toPortalDirectory) });
}

export async function configureDirectory(ctx: PortalContext): Promise<Response> {
  const { session } = ctx;
  const input = configureDirectoryInputSchema.parse(await ctx.json());
  const { directory, token } = await write(function* (env) {
    const created = yield* createDirectory(env, { organizationId: session.organizationId, provider: input.provider });
    const base = { hostId: session.hostId, organizationId: session.organizationId, actor: portalActor(ctx) };
    yield* auditSql(env, { ...base, action: 'directory.created', target: created.directory.id, details: { provider: input.provider } });
    yield* auditSql(env, { ...base, action: 'token.created', target: created.token.id, details: { directoryId: created.directory.id, lastFour: created.token.lastFour } });
    return created;
  });
  return Response.json({ directory: toPortalDirectory(directory), token: { ...toPortalToken(token), token: token.token } }, { status: 201 });
}

export async function getDirectory(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  // Counted once per visit of the directory page (React Query caches it), never per keystroke of a search.
  const [users, groups] = await read(function* () {
    return [yield* countUsers(d.id), yield* countGroups(d.id)];
  });
  return Response.json({ ...toPortalDirectory(d), userCount: users, groupCount: groups });
}

export async function patchDirectory(ctx: PortalContext): Promise<Response> {
  const input = setDirectoryStatusInputSchema.parse(await ctx.json());
  const row = await setDirectoryStatus({ hostId: ctx.session.hostId, directory: directoryOf(ctx), status: input.status, actor: portalActor(ctx) });
  return Response.json(toPortalDirectory(row));
}

export async function getConnection(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  return Response.json({ status: d.status, connection: await connectionStatus(d) });
}
