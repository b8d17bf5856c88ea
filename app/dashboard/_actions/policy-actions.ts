'use server';
// The organization page's provisioning policy form (issue 19): the same change as the host API's PATCH, audited
// with the operator as its actor.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { DomainError } from '@/lib/domain-error';
import { formObject, operatorAction } from '@/lib/operators/operator-action';
import { changePolicy } from '@/lib/policy/policy-admin';
import { updatePolicyInputSchema } from '@/lib/schemas/policy';

const formSchema = z.strictObject({
  organizationId: z.string().min(1).max(100),
  domains: z.string().max(30_000).optional(),
  seatLimit: z.string().max(20).optional(),
  leavingMode: z.string().max(20),
  deleteAfterDays: z.string().max(20).optional(),
});

const save = operatorAction(formSchema, async ({ operator, actor }, f) => {
  // Domains one per line or comma-separated; an empty seat limit is none.
  const parsed = updatePolicyInputSchema.safeParse({
    domains: (f.domains ?? '').split(/[\s,]+/).filter(Boolean),
    seatLimit: f.seatLimit === undefined ? null : Number(f.seatLimit),
    leaving: { mode: f.leavingMode, deleteAfterDays: f.leavingMode === 'delete_after' ? Number(f.deleteAfterDays ?? NaN) : null },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError('invalid', `${issue?.path.join('.') || 'policy'}: ${issue?.message ?? 'invalid'}`);
  }
  await changePolicy({ hostId: operator.hostId, organizationId: f.organizationId, actor }, parsed.data);
  return { id: f.organizationId };
});

export async function updatePolicyAction(_prev: unknown, form: FormData) {
  const result = await save(formObject(form));
  if (result.ok) revalidatePath(`/dashboard/organizations/${result.data.id}`);
  return result;
}
