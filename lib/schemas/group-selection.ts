import { z } from 'zod';

/** The groups one selection may name: an IT admin's choice, not a whole directory ("all" is that). */
const MAX_SELECTED_GROUPS = 1000;

export const groupSelectionInputSchema = z
  .strictObject({
    mode: z.enum(['all', 'selected']),
    groupIds: z.array(z.string().min(1).max(100)).max(MAX_SELECTED_GROUPS).default([]),
  })
  .refine((v) => v.mode === 'selected' || v.groupIds.length === 0, 'groupIds: only with mode "selected"');

export const groupSelectionSchema = z.object({ mode: z.enum(['all', 'selected']), groupIds: z.array(z.string()) });

const changedGroups = z.object({
  count: z.number().int(),
  groups: z.array(z.object({ id: z.string(), displayName: z.string(), memberCount: z.number().int() })),
});
/** What a change of the selection does to the host's view: whole counts, the first 50 groups and users named. */
export const selectionChangeSchema = z.object({
  appearing: changedGroups,
  disappearing: changedGroups,
  roleChanges: z.object({
    count: z.number().int(),
    users: z.array(z.object({ id: z.string(), userName: z.string(), before: z.array(z.string()), after: z.array(z.string()) })),
  }),
});
