'use server';
// Server actions of the Organizations page. Next refuses cross-origin calls (Origin check); operatorAction adds
// the session and scopes every write to the operator's host.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formObject, operatorAction, type ActionResult } from '@/lib/operators/operator-action';
import { launchPortal } from '@/lib/operators/portal-launch';
import { createOrganization } from '@/lib/organizations/organizations';
import { createOrganizationInputSchema } from '@/lib/schemas/organization';

const create = operatorAction(createOrganizationInputSchema, async ({ db, operator }, input) => {
  const org = await createOrganization(db, { hostId: operator.hostId, name: input.name, externalId: input.externalId });
  return { id: org.id, name: org.name };
});

export async function createOrganizationAction(_prev: ActionResult<{ id: string; name: string }> | null, form: FormData) {
  const result = await create(formObject(form));
  if (result.ok) revalidatePath('/dashboard');
  return result;
}

const open = operatorAction(z.strictObject({ organizationId: z.string().min(1).max(100) }), ({ db, operator, actor }, input) =>
  launchPortal(db, { hostId: operator.hostId, organizationId: input.organizationId, actor }),
);

export async function openPortalAction(organizationId: string) {
  return open({ organizationId });
}
