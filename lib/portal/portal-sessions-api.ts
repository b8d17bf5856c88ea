// Host API: DELETE /api/v1/organizations/{orgId}/portal-sessions → 204. Ends every portal session of the
// organization at once (an admin who left the customer, a link sent to the wrong person); links already issued
// but not yet opened stay valid until used or expired.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { apiNotFound } from '../host-api/api-error';
import type { ApiContext } from '../host-api/with-api-key';
import { findOrganization } from '../organizations/organizations';
import { endOrganizationPortalSessions } from './portal-session';

export async function deletePortalSessions({ hostId, keyId, params }: ApiContext): Promise<Response> {
  const org = await read(() => findOrganization({ hostId, id: params.orgId }));
  if (!org) throw apiNotFound('Organization');
  await write(function* (env) {
    const ended = yield* endOrganizationPortalSessions(org.id);
    yield* auditSql(env, {
      hostId,
      organizationId: org.id,
      actor: `api-key:${keyId}`,
      action: 'portal_sessions.ended',
      target: org.id,
      details: { sessions: ended },
    });
  });
  return new Response(null, { status: 204 });
}
