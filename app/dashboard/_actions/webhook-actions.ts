'use server';
// Server actions of the webhooks page: re-enabling an endpoint the delivery worker (or someone) disabled.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { reenableEndpoint } from '@/lib/operators/webhook-overview';
import { operatorAction } from '@/lib/operators/operator-action';

const reenable = operatorAction(z.strictObject({ id: z.string().min(1).max(100) }), ({ operator, actor }, input) =>
  reenableEndpoint({ hostId: operator.hostId, id: input.id, actor }).then(() => ({ id: input.id })),
);

export async function reenableEndpointAction(id: string) {
  const result = await reenable({ id });
  if (result.ok) revalidatePath('/dashboard/webhooks');
  return result;
}
