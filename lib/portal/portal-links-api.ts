// Host API: POST /api/v1/organizations/{orgId}/portal-links (CONTRACT.md) → 201 {url, expiresAt}.
import { z } from 'zod';
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
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

export async function postPortalLink({ hostId, keyId, params, json }: ApiContext): Promise<Response> {
  const input = createPortalLinkInputSchema.parse(await json());
  const org = await read(() => findOrganization({ hostId, id: params.orgId }));
  if (!org) throw apiNotFound('Organization');
  const link = await write(function* (env) {
    const created = yield* createPortalLink(env, { organizationId: org.id, features: input.features ?? ['scim'], returnUrl: input.returnUrl ?? null });
    yield* auditSql(env, { hostId, organizationId: org.id, actor: `api-key:${keyId}`, action: 'portal_link.created', target: org.id, details: { via: 'api' } });
    return created;
  });
  return Response.json({ url: `${env().publicUrl}/portal/link/${link.token}`, expiresAt: link.expiresAt.toISOString() }, { status: 201 });
}
