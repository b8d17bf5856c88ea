// The portal's directory endpoints: list (with each one's health), configure (create with its first token), read,
// rename, enable or disable, delete (the admin types the directory's name), connection status and setup check.
import { read } from '../../db/database';
import { listOrganizationDirectories, type DirectoryRow } from '../../directory/directories';
import { openDirectory, removeDirectory, renameDirectory } from '../../directory/directory-admin';
import { directoryCounts } from '../../directory/directory-counts';
import { ApiError } from '../../host-api/api-error';
import { setDirectoryStatus } from '../../directory/directory-status';
import { connectionStatus } from '../connection-status';
import { assertRoomForDirectory } from '../portal-limits';
import { toDirectoryDetail, toListedDirectory, toMintedToken, toPortalDirectory } from '../portal-json';
import { configureDirectoryInputSchema, deleteDirectoryInputSchema, updatePortalDirectoryInputSchema } from '../schemas';
import { setupCheck } from '../setup-check';
import { portalActor, type PortalContext } from '../with-portal-session';

/** withPortalSession resolved and checked the directory of the path; this only narrows the type. */
export function directoryOf(ctx: PortalContext): DirectoryRow {
  if (!ctx.directory) throw new ApiError('not_found', 404, 'Directory not found');
  return ctx.directory;
}

export async function listDirectories({ session }: PortalContext): Promise<Response> {
  const rows = await read(() => listOrganizationDirectories({ organizationId: session.organizationId }));
  // A handful per organization (PORTAL_MAX_DIRECTORIES): one indexed read of each one's newest log rows.
  const data = await Promise.all(rows.map(async (d) => toListedDirectory(d, (await connectionStatus(d)).state)));
  return Response.json({ data });
}

export async function configureDirectory(ctx: PortalContext): Promise<Response> {
  const { session } = ctx;
  const input = configureDirectoryInputSchema.parse(await ctx.json());
  const { directory, token } = await openDirectory({
    hostId: session.hostId,
    actor: portalActor(ctx),
    organizationId: session.organizationId,
    provider: input.provider,
    check: (env) => assertRoomForDirectory(env, session.organizationId),
  });
  return Response.json({ directory: toPortalDirectory(directory), token: toMintedToken(token) }, { status: 201 });
}

export async function getDirectory(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  // Counted once per visit of the directory page (React Query caches it), never per keystroke of a search.
  const { users, groups } = await directoryCounts(d.id);
  return Response.json(toDirectoryDetail(d, { userCount: users, groupCount: groups }));
}

export async function patchDirectory(ctx: PortalContext): Promise<Response> {
  const input = updatePortalDirectoryInputSchema.parse(await ctx.json());
  const who = { hostId: ctx.session.hostId, actor: portalActor(ctx) };
  let row = directoryOf(ctx);
  if (input.name !== undefined) row = await renameDirectory({ ...who, directory: row, name: input.name });
  if (input.status !== undefined) row = await setDirectoryStatus({ ...who, directory: row, status: input.status });
  return Response.json(toPortalDirectory(row));
}

export async function deleteDirectory(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const input = deleteDirectoryInputSchema.parse(await ctx.json());
  // The admin typed the name: a stale tab or a slip of the mouse deletes nothing.
  if (input.confirm.trim() !== d.name.trim()) throw new ApiError('confirmation_mismatch', 400, `Type the directory's name, "${d.name}", to delete it`);
  await removeDirectory({ hostId: ctx.session.hostId, actor: portalActor(ctx), directoryId: d.id });
  return new Response(null, { status: 204 });
}

export async function getConnection(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  return Response.json({ status: d.status, connection: await connectionStatus(d) });
}

export async function getSetupCheck(ctx: PortalContext): Promise<Response> {
  return Response.json(await setupCheck(directoryOf(ctx)));
}
