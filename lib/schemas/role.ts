import { z } from 'zod';

export const createRoleInputSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'use letters, digits and _ . : -'),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).nullish(),
});

/** A role's key never changes (the host's code and the mappings refer to it); its name and description do. */
export const updateRoleInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(1000).nullable().optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined, 'name or description is required');

export const putRoleMappingsInputSchema = z.strictObject({
  mappings: z.array(z.strictObject({ groupId: z.string().min(1).max(100), roleKey: z.string().min(1).max(100) })).max(1000),
  defaultRoleKey: z.string().min(1).max(100).nullish(),
});

export const listEventsQuerySchema = z.object({
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
