'use server';
// Server action of the Roles page: the same rules (key format, unique key per host) as POST /api/v1/roles.
import { revalidatePath } from 'next/cache';
import { formObject, operatorAction, type ActionResult } from '@/lib/operators/operator-action';
import { createRole } from '@/lib/roles/roles';
import { createRoleInputSchema } from '@/lib/schemas/role';

const create = operatorAction(createRoleInputSchema, async ({ operator }, input) => {
  const role = await createRole(operator.hostId, input);
  return { id: role.id, key: role.key };
});

export async function createRoleAction(_prev: ActionResult<{ id: string; key: string }> | null, form: FormData) {
  const result = await create(formObject(form));
  if (result.ok) revalidatePath('/dashboard/roles');
  return result;
}
