import { z } from 'zod';

/** What an IdP's `active: false` does to a user (issue 19). */
export const LEAVING_MODES = ['deactivate', 'delete_after', 'delete'] as const;
export type LeavingMode = (typeof LEAVING_MODES)[number];

export const leavingSchema = z.object({
  mode: z.enum(LEAVING_MODES),
  /** Days a deactivated user is kept under `delete_after` (null for the other modes). */
  deleteAfterDays: z.number().int().nullable(),
});

export const policySchema = z.object({
  organizationId: z.string(),
  leaving: leavingSchema,
  updatedAt: z.string().nullable(),
});
export type ApiPolicy = z.infer<typeof policySchema>;

/** PATCH /organizations/{orgId}/policy: the parts given replace the ones in force. */
export const updatePolicyInputSchema = z
  .strictObject({
    leaving: z
      .strictObject({
        mode: z.enum(LEAVING_MODES),
        deleteAfterDays: z.number().int().min(1).max(3650).nullish(),
      })
      .refine((l) => (l.mode === 'delete_after') === (l.deleteAfterDays != null), {
        message: 'deleteAfterDays (1-3650) is required with mode "delete_after", and only with it',
        path: ['deleteAfterDays'],
      })
      .optional(),
  })
  .refine((v) => v.leaving !== undefined, 'leaving is required');
export type UpdatePolicyInput = z.infer<typeof updatePolicyInputSchema>;
