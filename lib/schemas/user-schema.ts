import { z } from 'zod';

/** The types a host field takes (issue 18): each maps to a SCIM attribute type in the host's extension. */
const USER_FIELD_TYPES = ['string', 'number', 'boolean', 'dateTime', 'stringList'] as const;
export type UserFieldType = (typeof USER_FIELD_TYPES)[number];

/** Fields a host may declare: each one is a filterable attribute of every directory's extension schema. */
const MAX_USER_FIELDS = 100;
/** Fields a host may index: each costs two indexes on every directory user row, and every user write maintains them. */
const MAX_INDEXED_FIELDS = 10;

const defaultValue = z.union([z.string().max(1000), z.number().finite(), z.boolean(), z.array(z.string().max(1000)).max(100)]);

const userFieldSchema = z
  .strictObject({
    // A SCIM attribute name (RFC 7643 §2.1: ALPHA *(nameChar)), kept short; it is written into SQL as a JSON path.
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a letter, then letters, digits or _ (64 at most)'),
    label: z.string().trim().min(1).max(200),
    type: z.enum(USER_FIELD_TYPES),
    required: z.boolean().default(false),
    // An expression index on the field's value (lib/attributes/field-indexes.ts): a filter on it as fast as on a column.
    indexed: z
      .boolean()
      .default(false)
      .describe(
        'Index the field: two expression indexes on the value sent under the extension (SCIM filters) and on the mapped value (customAttributes.<key>), built in the background once declared (without blocking user writes; see indexes in the answer) and dropped when no host declares them any more; hosts declaring the same slug and key share them; at most 10 per host, not a stringList',
      ),
    default: defaultValue.nullish(),
  })
  .refine((f) => f.default === undefined || f.default === null || defaultFits(f.type, f.default), {
    message: 'default does not match the field type',
    path: ['default'],
  })
  .refine((f) => !(f.indexed && f.type === 'stringList'), { message: 'a string list cannot be indexed', path: ['indexed'] });

function defaultFits(type: UserFieldType, v: z.infer<typeof defaultValue>): boolean {
  if (type === 'stringList') return Array.isArray(v);
  if (type === 'number') return typeof v === 'number';
  if (type === 'boolean') return typeof v === 'boolean';
  if (type === 'dateTime') return typeof v === 'string' && !Number.isNaN(Date.parse(v));
  return typeof v === 'string';
}

export const putUserSchemaInputSchema = z
  .strictObject({
    // The {slug} of urn:ietf:params:scim:schemas:extension:{slug}:2.0:User: what the IdP admin types in.
    slug: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and - (40 at most), starting with a letter'),
    fields: z.array(userFieldSchema).max(MAX_USER_FIELDS),
  })
  .refine((s) => new Set(s.fields.map((f) => f.key.toLowerCase())).size === s.fields.length, {
    message: 'field keys must be unique (case-insensitively)',
    path: ['fields'],
  })
  .refine((s) => s.fields.filter((f) => f.indexed).length <= MAX_INDEXED_FIELDS, {
    message: `at most ${MAX_INDEXED_FIELDS} fields may be indexed`,
    path: ['fields'],
  });

export type UserField = z.infer<typeof userFieldSchema>;
export type PutUserSchemaInput = z.infer<typeof putUserSchemaInputSchema>;

/** GET/PUT /api/v1/user-schema's answer: all null and no fields until the host declares some. */
export const userSchemaResponseSchema = z.object({
  slug: z.string().nullable(),
  schema: z.string().nullable().describe('urn:ietf:params:scim:schemas:extension:{slug}:2.0:User, the extension IdPs send the fields under'),
  fields: z.array(userFieldSchema),
  indexes: z
    .array(
      z.object({
        key: z.string(),
        status: z
          .enum(['building', 'ready', 'failed'])
          .describe(
            'building: being built in the background (a filter on the field answers correctly meanwhile, without the index: slower on a large directory); ready: filters use it; failed: see reason (PUT the declaration again to retry)',
          ),
        reason: z.string().nullable().describe('Why the build failed; null otherwise'),
      }),
    )
    .describe("The state of each indexed field's index"),
  updatedAt: z.string().nullable(),
});
