'use server';
// The User fields page: the whole declaration saved at once, through the same schema and service as the host API's
// PUT /user-schema (validation, indexes, audit with the operator as its actor).
import { revalidatePath } from 'next/cache';
import { saveUserSchema } from '@/lib/attributes/user-schema';
import { operatorAction } from '@/lib/operators/operator-action';
import { putUserSchemaInputSchema } from '@/lib/schemas/user-schema';

const save = operatorAction(putUserSchemaInputSchema, async ({ operator, actor }, input) => {
  const saved = await saveUserSchema(operator.hostId, input, actor);
  return { fields: saved.fields.length };
});

export async function saveUserFieldsAction(input: unknown) {
  const result = await save(input);
  if (result.ok) revalidatePath('/dashboard/user-fields');
  return result;
}
