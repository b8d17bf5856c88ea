import { z } from 'zod';

/** Fallbacks after a field's first source: the worst mapping a request maps with is fields × (1 + this) paths. */
export const MAX_FALLBACKS = 4;

const defaultValue = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.array(z.string().max(1000)).max(100)]);

/** A host field's mapping: the SCIM paths tried in order (the first with a value wins), then the default. */
export const fieldMappingSchema = z.strictObject({
  sources: z
    .array(z.string().trim().min(1).max(300))
    .min(1)
    .max(1 + MAX_FALLBACKS),
  default: defaultValue.nullish(),
});

export const putAttributeMappingInputSchema = z.strictObject({
  // Keyed by the host field's key; a field left out maps from the host extension's own attribute.
  fields: z.record(z.string().max(64), fieldMappingSchema),
});

export const previewAttributeMappingInputSchema = putAttributeMappingInputSchema.extend({
  limit: z.number().int().min(1).max(100).default(25),
});

export type FieldMapping = z.infer<typeof fieldMappingSchema>;
export type PutAttributeMappingInput = z.infer<typeof putAttributeMappingInputSchema>;
