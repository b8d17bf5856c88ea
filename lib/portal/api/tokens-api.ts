// Directory bearer tokens in the portal: list (last four only), mint (plaintext in this answer only), revoke.
import { audit } from '../../audit/audit-log';
import { transaction } from '../../db/transaction';
import { createDirectoryToken, listDirectoryTokens, revokeDirectoryToken } from '../../directory/tokens';
import { apiNotFound } from '../../host-api/api-error';
import { assertRoomForToken } from '../portal-limits';
import { toPortalToken } from '../portal-json';
import { portalActor, type PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

export async function listTokens(ctx: PortalContext): Promise<Response> {
  const rows = await listDirectoryTokens(ctx.db, { directoryId: directoryOf(ctx).id });
  return Response.json({ data: rows.map(toPortalToken) });
}

export async function mintToken(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const t = await transaction(ctx.db, async (tx) => {
    await assertRoomForToken(tx, d.id);
    const created = await createDirectoryToken(tx, { directoryId: d.id });
    await audit(tx, { hostId: ctx.session.hostId, organizationId: d.organizationId, actor: portalActor(ctx), action: 'token.created', target: created.id, details: { directoryId: d.id, lastFour: created.lastFour } });
    return created;
  });
  return Response.json({ ...toPortalToken(t), token: t.token }, { status: 201 });
}

export async function revokeToken(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const found = await transaction(ctx.db, async (tx) => {
    const ok = await revokeDirectoryToken(tx, { directoryId: d.id, tokenId: ctx.params.tokenId });
    if (ok) await audit(tx, { hostId: ctx.session.hostId, organizationId: d.organizationId, actor: portalActor(ctx), action: 'token.revoked', target: ctx.params.tokenId, details: { directoryId: d.id } });
    return ok;
  });
  if (!found) throw apiNotFound('Token');
  return new Response(null, { status: 204 });
}
