// "Open portal" from the dashboard: mints a single-use portal link for one of the operator's organizations
// (the colleague's createPortalLink, as the host API does) and records who opened it.
import { auditSql } from '../audit/audit-log';
import { write } from '../db/database';
import { DomainError } from '../domain-error';
import { env } from '../env';
import { findOrganization } from '../organizations/organizations';
import { createPortalLink } from '../portal/portal-links';

export async function launchPortal({
  hostId,
  organizationId,
  actor,
}: {
  hostId: string;
  organizationId: string;
  actor: string;
}): Promise<{ url: string; expiresAt: string }> {
  const { publicUrl } = env();
  return write(function* (env) {
    const org = yield* findOrganization({ hostId, id: organizationId });
    if (!org) throw new DomainError('not_found', 'Organization not found');
    // The portal shows "Back to …" with this URL when opened standalone, which brings the operator back here.
    const operatorId = actor.startsWith('operator:') ? actor.slice('operator:'.length) : null;
    const link = yield* createPortalLink(env, {
      organizationId: org.id,
      features: ['scim'],
      returnUrl: `${publicUrl}/dashboard/organizations/${org.id}`,
      operatorId,
    });
    yield* auditSql(env, { hostId, organizationId: org.id, actor, action: 'portal_link.created', target: org.id, details: { via: 'dashboard' } });
    return { url: `${publicUrl}/portal/link/${link.token}`, expiresAt: link.expiresAt.toISOString() };
  });
}
