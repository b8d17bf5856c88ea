// Inputs of the portal's JSON endpoints, parsed strictly at the edge. Imports nothing from server code, so the
// client can share the inferred types.
import { z } from 'zod';
import { PROVIDERS } from '../directory/providers';

export const configureDirectoryInputSchema = z.strictObject({ provider: z.enum(PROVIDERS) });

export const updatePortalDirectoryInputSchema = z
  .strictObject({ status: z.enum(['enabled', 'disabled']).optional(), name: z.string().trim().min(1).max(100).optional() })
  .refine((v) => v.status !== undefined || v.name !== undefined, 'status or name is required');

/** Deleting a directory: its name, typed by the admin. */
export const deleteDirectoryInputSchema = z.strictObject({ confirm: z.string().max(200) });

export const roleMappingsInputSchema = z.strictObject({
  mappings: z.array(z.strictObject({ groupId: z.string().min(1).max(100), roleKey: z.string().min(1).max(100) })).max(1000),
});

export const defaultRoleInputSchema = z.strictObject({ roleKey: z.string().min(1).max(100).nullable() });

/** What to preview: new mappings, or a new default role (null: none). */
export const rolePreviewInputSchema = z
  .strictObject({
    mappings: roleMappingsInputSchema.shape.mappings.optional(),
    defaultRoleKey: z.string().min(1).max(100).nullable().optional(),
  })
  .refine((v) => v.mappings !== undefined || v.defaultRoleKey !== undefined, 'mappings or defaultRoleKey is required');

export const portalListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
  q: z.string().max(200).optional(),
});

export const requestLogQuerySchema = portalListQuerySchema.extend({
  status: z.enum(['2xx', '3xx', '4xx', '5xx']).optional(),
  resource: z.enum(['Users', 'Groups']).optional(),
});
