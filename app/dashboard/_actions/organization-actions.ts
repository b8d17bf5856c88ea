'use server';
// Server actions of the organization pages. Next refuses cross-origin calls (Origin check); operatorAction adds
// the session and scopes every write to the operator's host.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { removeDirectory, renameDirectory } from '@/lib/directory/directory-admin';
import { readHostDirectory } from '@/lib/directory/directories';
import { setDirectoryStatus } from '@/lib/directory/directory-status';
import { DomainError } from '@/lib/domain-error';
import { formObject, operatorAction, type ActionResult } from '@/lib/operators/operator-action';
import { launchPortal } from '@/lib/operators/portal-launch';
import { addOrganization, readOrganization, removeOrganization, updateOrganization } from '@/lib/organizations/organization-admin';
import { directoryNameSchema } from '@/lib/schemas/directory';
import { createOrganizationInputSchema } from '@/lib/schemas/organization';

const id = z.string().min(1).max(100);

const create = operatorAction(createOrganizationInputSchema, async ({ operator, actor }, input) => {
  const org = await addOrganization({ hostId: operator.hostId, actor, name: input.name, externalId: input.externalId });
  return { id: org.id, name: org.name };
});

export async function createOrganizationAction(_prev: ActionResult<{ id: string; name: string }> | null, form: FormData) {
  const result = await create(formObject(form));
  if (result.ok) revalidatePath('/dashboard');
  return result;
}

const open = operatorAction(z.strictObject({ organizationId: id }), ({ operator, actor }, input) =>
  launchPortal({ hostId: operator.hostId, organizationId: input.organizationId, actor }),
);

export async function openPortalAction(organizationId: string) {
  return open({ organizationId });
}

const update = operatorAction(
  z.strictObject({ id, name: z.string().trim().min(1).max(200), externalId: z.string().trim().max(200).optional() }),
  async ({ operator, actor }, input) => {
    const org = await updateOrganization({ hostId: operator.hostId, actor, id: input.id, name: input.name, externalId: input.externalId || null });
    return { id: org.id, name: org.name };
  },
);

export async function updateOrganizationAction(_prev: ActionResult<{ id: string; name: string }> | null, form: FormData) {
  const result = await update({ externalId: '', ...formObject(form) });
  if (result.ok) revalidatePath(`/dashboard/organizations/${result.data.id}`);
  return result;
}

/** Typed confirmation: the name must be typed as shown, whatever the browser sends. */
const confirmed = (typed: string, name: string) => {
  if (typed.trim() !== name.trim()) throw new DomainError('invalid', `Type "${name}" to confirm`);
};

const removeOrg = operatorAction(z.strictObject({ id, confirm: z.string().max(300) }), async ({ operator, actor }, input) => {
  const org = await readOrganization({ hostId: operator.hostId, id: input.id });
  if (!org) throw new DomainError('not_found', 'Organization not found');
  confirmed(input.confirm, org.name);
  await removeOrganization({ hostId: operator.hostId, actor, id: input.id });
  return { id: input.id };
});

export async function deleteOrganizationAction(organizationId: string, confirm: string) {
  const result = await removeOrg({ id: organizationId, confirm });
  if (result.ok) revalidatePath('/dashboard');
  return result;
}

const directoryAction = z.strictObject({
  directoryId: id,
  name: directoryNameSchema.optional(),
  status: z.enum(['enabled', 'disabled']).optional(),
  confirm: z.string().max(300).optional(),
});

const changeDirectory = operatorAction(directoryAction, async ({ operator, actor }, input) => {
  const hostId = operator.hostId;
  const d = await readHostDirectory({ hostId, id: input.directoryId });
  if (!d) throw new DomainError('not_found', 'Directory not found');
  if (input.confirm !== undefined) {
    confirmed(input.confirm, d.name);
    await removeDirectory({ hostId, actor, directoryId: d.id });
  } else if (input.name !== undefined) {
    await renameDirectory({ hostId, actor, directory: d, name: input.name });
  } else if (input.status !== undefined) {
    await setDirectoryStatus({ hostId, directory: d, status: input.status, actor });
  }
  return { organizationId: d.organizationId };
});

/** Rename ({name}), enable or disable ({status}), or delete ({confirm}: the directory's name, typed). */
export async function changeDirectoryAction(directoryId: string, change: { name?: string; status?: 'enabled' | 'disabled'; confirm?: string }) {
  const result = await changeDirectory({ directoryId, ...change });
  if (result.ok) revalidatePath(`/dashboard/organizations/${result.data.organizationId}`);
  return result;
}
