'use server';
// Server actions of the API keys page: the new key's secret travels back once, in this response only.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createOperatorApiKey, revokeOperatorApiKey } from '@/lib/operators/api-key-admin';
import { formObject, operatorAction, type ActionResult } from '@/lib/operators/operator-action';

export interface CreatedKey {
  id: string;
  name: string;
  key: string;
}

const create = operatorAction(z.strictObject({ name: z.string().trim().min(1).max(100) }), async ({ operator, actor }, input) => {
  const k = await createOperatorApiKey({ hostId: operator.hostId, name: input.name, actor });
  return { id: k.id, name: k.name, key: k.key };
});

export async function createApiKeyAction(_prev: ActionResult<CreatedKey> | null, form: FormData) {
  const result = await create(formObject(form));
  if (result.ok) revalidatePath('/dashboard/api-keys');
  return result;
}

const revoke = operatorAction(z.strictObject({ id: z.string().min(1).max(100) }), ({ operator, actor }, input) =>
  revokeOperatorApiKey({ hostId: operator.hostId, id: input.id, actor }).then(() => ({ id: input.id })),
);

export async function revokeApiKeyAction(id: string) {
  const result = await revoke({ id });
  if (result.ok) revalidatePath('/dashboard/api-keys');
  return result;
}
