'use server';
// Server actions of the Operators page: add a colleague (the password rules of the CLI) or remove one.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formObject, operatorAction, type ActionResult } from '@/lib/operators/operator-action';
import { addOperator, removeHostOperator } from '@/lib/operators/operator-admin';

const create = operatorAction(
  z.strictObject({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1000) }),
  async ({ operator, actor }, input) => {
    const created = await addOperator({ hostId: operator.hostId, actor, email: input.email, password: input.password });
    return { id: created.id, email: created.email };
  },
);

export async function createOperatorAction(_prev: ActionResult<{ id: string; email: string }> | null, form: FormData) {
  const result = await create(formObject(form));
  if (result.ok) revalidatePath('/dashboard/operators');
  return result;
}

const remove = operatorAction(z.strictObject({ id: z.string().min(1).max(100) }), async ({ operator, actor }, input) => {
  await removeHostOperator({ hostId: operator.hostId, actor, id: input.id });
  return { id: input.id };
});

export async function removeOperatorAction(id: string) {
  const result = await remove({ id });
  if (result.ok) revalidatePath('/dashboard/operators');
  return result;
}
