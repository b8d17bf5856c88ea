import { z } from 'zod';
import { PROVIDERS } from '../directory/providers';

export const createDirectoryInputSchema = z.strictObject({
  provider: z.enum(PROVIDERS),
});
export type CreateDirectoryInput = z.infer<typeof createDirectoryInputSchema>;

export const createTokenInputSchema = z.strictObject({
  expiresInDays: z.number().int().min(1).max(3650).nullish(),
});
export type CreateTokenInput = z.infer<typeof createTokenInputSchema>;

export const listUsersQuerySchema = z.object({
  groupId: z.string().max(100).optional(),
});

export const updateDirectoryInputSchema = z.strictObject({
  status: z.enum(['enabled', 'disabled']),
});
