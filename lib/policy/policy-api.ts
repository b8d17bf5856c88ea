// An organization's provisioning policy: the host reads and changes it (GET and PATCH
// /api/v1/organizations/{orgId}/policy); its IT admin reads it in the portal (GET /api/portal/policy).
import type { ApiContext } from '../host-api/with-api-key';
import type { PortalContext } from '../portal/with-portal-session';
import { updatePolicyInputSchema, type ApiPolicy } from '../schemas/policy';
import { changePolicy, policyOf } from './policy-admin';
import type { ProvisioningPolicy } from './policy-store';

export const toApiPolicy = (organizationId: string, p: ProvisioningPolicy & { seatsUsed: number }): ApiPolicy => ({
  organizationId,
  leaving: p.leaving,
  domains: p.domains,
  seatLimit: p.seatLimit,
  seatsUsed: p.seatsUsed,
  updatedAt: p.updatedAt?.toISOString() ?? null,
});

export async function getPolicy({ hostId, params }: ApiContext): Promise<Response> {
  return Response.json(toApiPolicy(params.orgId, await policyOf(hostId, params.orgId)));
}

export async function patchPolicy(ctx: ApiContext): Promise<Response> {
  const input = updatePolicyInputSchema.parse(await ctx.json());
  const policy = await changePolicy({ hostId: ctx.hostId, organizationId: ctx.params.orgId, actor: `api-key:${ctx.keyId}` }, input);
  return Response.json(toApiPolicy(ctx.params.orgId, policy));
}

/** The portal's view: the same policy, the organization of the session only. */
export async function getPortalPolicy({ session }: PortalContext): Promise<Response> {
  return Response.json(toApiPolicy(session.organizationId, await policyOf(session.hostId, session.organizationId)));
}
