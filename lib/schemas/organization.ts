import { z } from 'zod';

export const createOrganizationInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  externalId: z.string().trim().min(1).max(200).nullish(),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationInputSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string().nullable(),
  createdAt: z.string(),
});
export type ApiOrganization = z.infer<typeof organizationSchema>;
