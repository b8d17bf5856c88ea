import { z } from 'zod';
import { listQuerySchema } from './pagination';

export const createOrganizationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  externalId: z.string().trim().min(1).max(200).nullish(),
});

/** PATCH /organizations/{id}: rename, or set (null: clear) the host's own id for it. */
export const updateOrganizationInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    externalId: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.externalId !== undefined, 'name or externalId is required');

export const listOrganizationsQuerySchema = listQuerySchema.extend({
  externalId: z.string().min(1).max(200).optional(),
});
