import { z } from 'zod';

/** The groups one selection may name: an IT admin's choice, not a whole directory ("all" is that). */
export const MAX_SELECTED_GROUPS = 1000;

export const groupSelectionInputSchema = z
  .strictObject({
    mode: z.enum(['all', 'selected']),
    groupIds: z.array(z.string().min(1).max(100)).max(MAX_SELECTED_GROUPS).default([]),
  })
  .refine((v) => v.mode === 'selected' || v.groupIds.length === 0, 'groupIds: only with mode "selected"');
export type GroupSelectionInput = z.infer<typeof groupSelectionInputSchema>;
