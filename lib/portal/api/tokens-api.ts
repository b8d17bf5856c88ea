// Directory bearer tokens in the portal: list (last four only), mint (plaintext in this answer only), revoke.
import { auditSql } from '../../audit/audit-log';
import { read, write } from '../../db/database';
import { createDirectoryToken, listDirectoryTokens, revokeDirectoryToken } from '../../directory/tokens';
import { apiNotFound } from '../../host-api/api-error';
import { assertRoomForToken } from '../portal-limits';
import { toMintedToken, toPortalToken } from '../portal-json';
import { portalActor, type PortalContext } from '../with-portal-session';
import { directoryOf } from './directories-api';

export async function listTokens(ctx: PortalContext): Promise<Response> {
  const rows = await read(() => listDirectoryTokens({ directoryId: directoryOf(ctx).id }));
  return Response.json({ data: rows.map(toPortalToken) });
}

export async function mintToken(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const t = await write(function* (env) {
    yield* assertRoomForToken(env, d.id);
    const created = yield* createDirectoryToken(env, { directoryId: d.id });
    yield* auditSql(env, {
      hostId: ctx.session.hostId,
      organizationId: d.organizationId,
      actor: portalActor(ctx),
      action: 'token.created',
      target: created.id,
      details: { directoryId: d.id, lastFour: created.lastFour },
    });
    return created;
  });
  return Response.json(toMintedToken(t), { status: 201 });
}

export async function revokeToken(ctx: PortalContext): Promise<Response> {
  const d = directoryOf(ctx);
  const found = await write(function* (env) {
    const ok = yield* revokeDirectoryToken(env, { directoryId: d.id, tokenId: ctx.params.tokenId });
    if (ok)
      yield* auditSql(env, {
        hostId: ctx.session.hostId,
        organizationId: d.organizationId,
        actor: portalActor(ctx),
        action: 'token.revoked',
        target: ctx.params.tokenId,
        details: { directoryId: d.id },
      });
    return ok;
  });
  if (!found) throw apiNotFound('Token');
  return new Response(null, { status: 204 });
}
