// RFC 7643 §7 attribute metadata as data. Optional keys are omitted, never null: Entra's schema discovery
// ("camel-case values, no nulls") rejects null-valued metadata.

export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
type Returned = 'always' | 'never' | 'default' | 'request';
type Uniqueness = 'none' | 'server' | 'global';

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  subAttributes?: AttributeDefinition[];
  referenceTypes?: string[];
  canonicalValues?: string[];
}

/** A schema resource (RFC 7643 §7) before `meta` is added for a given base URL. */
export interface SchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDefinition[];
}

type AttributeOptions = Partial<Omit<AttributeDefinition, 'name' | 'type' | 'description'>>;

/** Builds a definition with the RFC 7643 §2.2 defaults, so the schema files only spell out what differs. */
export function defineAttribute(name: string, type: AttributeType, description: string, options: AttributeOptions = {}): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

interface MultiValuedOptions {
  valueType?: AttributeType;
  types?: string[];
  referenceTypes?: string[];
  mutability?: Mutability;
  /** Extra sub-attributes (e.g. `addresses` has no `value`, `groups` has `$ref`). */
  subAttributes?: AttributeDefinition[];
  omitValue?: boolean;
}

/** The RFC 7643 §2.4 multi-valued shape: value, display, type, primary (+ extras). */
export function multiValuedAttribute(name: string, description: string, options: MultiValuedOptions = {}): AttributeDefinition {
  const mutability = options.mutability ?? 'readWrite';
  const sub: AttributeDefinition[] = [];
  if (!options.omitValue) {
    sub.push(
      defineAttribute('value', options.valueType ?? 'string', `The value of the ${name} entry.`, {
        mutability,
        ...(options.referenceTypes ? { referenceTypes: options.referenceTypes } : {}),
      }),
    );
  }
  sub.push(...(options.subAttributes ?? []));
  sub.push(defineAttribute('display', 'string', 'A human-readable name, primarily used for display purposes.', { mutability }));
  sub.push(
    defineAttribute('type', 'string', `A label indicating the ${name} entry's function.`, {
      mutability,
      ...(options.types ? { canonicalValues: options.types } : {}),
    }),
  );
  sub.push(
    defineAttribute('primary', 'boolean', `Whether this is the primary ${name} entry; at most one value is primary.`, {
      mutability,
    }),
  );
  return defineAttribute(name, 'complex', description, {
    multiValued: true,
    mutability,
    subAttributes: sub,
  });
}
