// A host's user fields as a SCIM schema (RFC 7643 §7): what /Schemas and /ResourceTypes advertise, what PATCH and
// normalisation read, and what the filter allow-list is built from.
import { defineAttribute, type AttributeDefinition, type AttributeType, type SchemaDefinition } from '../scim/schemas/attribute-definition';
import type { UserFieldType } from '../schemas/user-schema';
import type { UserSchema } from './user-schema';

const SCIM_TYPES: Record<UserFieldType, AttributeType> = {
  string: 'string',
  number: 'decimal',
  boolean: 'boolean',
  dateTime: 'dateTime',
  stringList: 'string',
};

export function extensionSchema(schema: UserSchema): SchemaDefinition {
  return {
    id: schema.urn,
    name: `${schema.slug}User`,
    description: `User fields of ${schema.slug}`,
    attributes: schema.fields.map((f): AttributeDefinition =>
      defineAttribute(f.key, SCIM_TYPES[f.type], f.label, { required: f.required, multiValued: f.type === 'stringList' }),
    ),
  };
}
