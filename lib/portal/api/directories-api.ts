// The portal's directory endpoints: list, configure (create with its first token), read, enable/disable, status.
import { audit } from '../../audit/audit-log';
import { transaction } from '../../db/transaction';
import { createDirectory, listOrganizationDirectories, type DirectoryRow } from '../../directory/directories';
import { ApiError } from '../../host-api/api-error';
import { connectionStatus } from '../connection-status';
import { assertRoomForDirectory } from '../portal-limits';
import { toPortalDirectory, toPortalToken } from '../portal-json';
import { configureDirectoryInputSchema, setDirectoryStatusInputSchema } from '../schemas';
import { setDirectoryStatus } from '../../directory/directory-status';
import { portalActor, type PortalContext } from '../with-portal-session';

/** withPortalSession resolved and checked the directory of the path; this only narrows the type. */
export function directoryOf(ctx: PortalContext): DirectoryRow {
  if (!ctx.directory) throw new ApiError('not_found', 404, 'Directory not found');
  return ctx.directory;
}

export async function listDirectories({ db, session }: PortalContext): Promise<Response> {
  const rows = await listOrganizationDirectories(db, { organizationId: session.organizationId });
  return Response.json({ data: rows.map(toPortalDirectory) });
}

export async function configureDirectory(ctx: PortalContext): Promise<Response> {
  const { db, session } = ctx;
  const input = configureDirectoryInputSchema.parse(await ctx.json());
  const { directory, token } = await transaction(db, async (tx) => {
    await assertRoomForDirectory(tx, session.organizationId);
    const created = await createDirectory(tx, { organizationId: session.organizationId, provider: input.provider });
    const base = { hostId: session.hostId, organizationId: session.organizationId, actor: portalActor(ctx) };
    await audit(tx, { ...base, action: 'directory.created', target: created.directory.id, details: { provider: input.provider } });
    await audit(tx, { ...base, action: 'token.created', target: created.token.id, details: { directoryId: created.directory.id, lastFour: created.token.lastFour } });
    return created;
  });
  return Response.json({ directory: toPortalDirectory(directory), token: { ...toPortalToken(token), token: token.token } }, { status: 201 });
}

export async function getDirectory(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  // Counted once per visit of the directory page (React Query caches it), never per keystroke of a search.
  const [users, groups] = await Promise.all([
    ctx.db.directoryUser.count({ where: { directoryId: d.id } }),
    ctx.db.directoryGroup.count({ where: { directoryId: d.id } }),
  ]);
  return Response.json({ ...toPortalDirectory(d), userCount: users, groupCount: groups });
}

export async function patchDirectory(ctx: PortalContext): Promise<Response> {
  const input = setDirectoryStatusInputSchema.parse(await ctx.json());
  const row = await setDirectoryStatus(ctx.db, { hostId: ctx.session.hostId, directory: directoryOf(ctx), status: input.status, actor: portalActor(ctx) });
  return Response.json(toPortalDirectory(row));
}

export async function getConnection(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  return Response.json({ status: d.status, connection: await connectionStatus(ctx.db, d) });
}
