import { z } from 'zod';

/** The groups one selection may name: an IT admin's choice, not a whole directory ("all" is that). */
const MAX_SELECTED_GROUPS = 1000;

export const groupSelectionInputSchema = z
  .strictObject({
    mode: z.enum(['all', 'selected']),
    groupIds: z.array(z.string().min(1).max(100)).max(MAX_SELECTED_GROUPS).default([]),
  })
  .refine((v) => v.mode === 'selected' || v.groupIds.length === 0, 'groupIds: only with mode "selected"');

/** A change too large for one transaction, moved batch by batch (issue 19): its progress in memberships. */
const selectionJobSchema = z.object({
  status: z.enum(['running', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const groupSelectionSchema = z.object({
  mode: z.enum(['all', 'selected']),
  groupIds: z.array(z.string()),
  job: selectionJobSchema.nullable().describe('The last change moved as a background job; while it runs, mode and groupIds are its target'),
});

const changedGroups = z.object({
  count: z.number().int(),
  groups: z.array(z.object({ id: z.string(), displayName: z.string(), memberCount: z.number().int() })),
});
/** What a change of the selection does to the host's view: whole counts, the first 50 groups and users named. */
export const selectionChangeSchema = z.object({
  runsInBackground: z.boolean().describe('More than 20,000 memberships move: a background job moves them, and role changes are known only as it runs'),
  appearing: changedGroups,
  disappearing: changedGroups,
  roleChanges: z.object({
    count: z.number().int(),
    users: z.array(z.object({ id: z.string(), userName: z.string(), before: z.array(z.string()), after: z.array(z.string()) })),
  }),
});
