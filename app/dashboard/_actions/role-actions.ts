'use server';
// Server actions of the Roles page: the same rules (key format, unique key per host, key never changes) as the
// host API's /roles.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formObject, operatorAction, type ActionResult } from '@/lib/operators/operator-action';
import { deleteRole, updateRole } from '@/lib/roles/role-admin';
import { createRole } from '@/lib/roles/roles';
import { createRoleInputSchema } from '@/lib/schemas/role';

const create = operatorAction(createRoleInputSchema, async ({ operator, actor }, input) => {
  const role = await createRole(operator.hostId, input, actor);
  return { id: role.id, key: role.key };
});

export async function createRoleAction(_prev: ActionResult<{ id: string; key: string }> | null, form: FormData) {
  const result = await create(formObject(form));
  if (result.ok) revalidatePath('/dashboard/roles');
  return result;
}

const update = operatorAction(
  z.strictObject({ key: z.string().min(1).max(100), name: z.string().trim().min(1).max(200), description: z.string().trim().max(1000).optional() }),
  async ({ operator, actor }, input) => {
    const role = await updateRole({ hostId: operator.hostId, actor, key: input.key, name: input.name, description: input.description || null });
    return { key: role.key };
  },
);

export async function updateRoleAction(_prev: ActionResult<{ key: string }> | null, form: FormData) {
  const result = await update(formObject(form));
  if (result.ok) revalidatePath('/dashboard/roles');
  return result;
}

const remove = operatorAction(z.strictObject({ key: z.string().min(1).max(100) }), async ({ operator, actor }, input) => ({
  key: input.key,
  usersAffected: await deleteRole({ hostId: operator.hostId, actor, key: input.key }),
}));

export async function deleteRoleAction(key: string) {
  const result = await remove({ key });
  if (result.ok) revalidatePath('/dashboard/roles');
  return result;
}
