// Host API: POST /api/v1/organizations/{orgId}/portal-links (CONTRACT.md) → 201 {url, expiresAt}.
import { z } from 'zod';
import { audit } from '../audit/audit-log';
import { transaction } from '../db/transaction';
import { env } from '../env';
import { apiNotFound } from '../host-api/api-error';
import type { ApiContext } from '../host-api/with-api-key';
import { findOrganization } from '../organizations/organizations';
import { createPortalLink } from './portal-links';

const createPortalLinkInputSchema = z.strictObject({
  features: z
    .array(z.enum(['scim']))
    .min(1)
    .max(1)
    .optional(),
  // Shown as "Back to …" in the standalone portal; only http(s), so it can never be a javascript: URL.
  returnUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
});

export async function postPortalLink({ db, hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = createPortalLinkInputSchema.parse(await json());
  const org = await findOrganization(db, { hostId, id: params.orgId });
  if (!org) throw apiNotFound('Organization');
  const link = await transaction(db, async (tx) => {
    const created = await createPortalLink(tx, { organizationId: org.id, features: input.features ?? ['scim'], returnUrl: input.returnUrl ?? null });
    await audit(tx, { hostId, organizationId: org.id, actor: `api-key:${keyId}`, action: 'portal_link.created', target: org.id, details: { via: 'api' } });
    return created;
  });
  return Response.json({ url: `${env().publicUrl}/portal/link/${link.token}`, expiresAt: link.expiresAt.toISOString() }, { status: 201 });
}
