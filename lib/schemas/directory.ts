import { z } from 'zod';
import { PROVIDERS } from '../directory/providers';

/** What an admin calls a directory ("Okta production"); by default the provider's name, numbered. */
export const directoryNameSchema = z.string().trim().min(1).max(100);

export const createDirectoryInputSchema = z.strictObject({
  provider: z.enum(PROVIDERS),
  name: directoryNameSchema.optional(),
});

export const createTokenInputSchema = z.strictObject({
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});

export const listUsersQuerySchema = z.object({
  groupId: z.string().max(100).optional(),
  // A SCIM filter (RFC 7644 §3.4.2.2) over every attribute, the host's fields included; its own bounds apply.
  filter: z.string().max(10_000).optional(),
});

export const updateDirectoryInputSchema = z
  .strictObject({
    status: z.enum(['enabled', 'disabled']).optional(),
    name: directoryNameSchema.optional(),
  })
  .refine((v) => v.status !== undefined || v.name !== undefined, 'status or name is required');
