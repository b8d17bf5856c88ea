import { z } from 'zod';

/** Fallbacks after a field's first source: the worst mapping a request maps with is fields × (1 + this) paths. */
export const MAX_FALLBACKS = 4;

const defaultValue = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.array(z.string().max(1000)).max(100)]);

/** A host field's mapping: the SCIM paths tried in order (the first with a value wins), then the default. */
const fieldMappingSchema = z.strictObject({
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

const warningSchema = z.object({ field: z.string(), value: z.string().describe('What was read, shortened'), message: z.string() });
export const fieldWarningsSchema = z.array(warningSchema);

const remapJobSchema = z.object({
  status: z.enum(['running', 'done']),
  version: z.number().int().describe('The mapping version it applies'),
  total: z.number().int(),
  done: z.number().int(),
  changed: z.number().int().describe('Users whose values changed (each got a directory.user.updated)'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const attributeMappingSchema = z.object({
  version: z.number().int().describe('0 until a mapping is saved: every field then maps from the host extension'),
  extension: z.string().nullable(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.string(),
      required: z.boolean(),
      fieldDefault: z.unknown().describe("The host's default for the field"),
      sources: z.array(z.string()).describe('SCIM paths tried in order'),
      default: z.unknown().describe("This directory's default, before the host's"),
    }),
  ),
  job: remapJobSchema.nullable().describe('The recompute the last save started'),
});

export const mappingPreviewSchema = z.object({
  sampled: z.number().int().describe('Users the counts cover: the 1,000 most recently changed at most'),
  users: z.array(z.object({ id: z.string(), userName: z.string(), values: z.record(z.string(), z.unknown()), warnings: fieldWarningsSchema })),
  fields: z.array(z.object({ key: z.string(), missing: z.number().int(), failed: z.number().int() })),
});

export const attributeSourcesSchema = z.object({
  sampled: z.number().int(),
  paths: z.array(z.object({ path: z.string(), users: z.number().int() })),
});
