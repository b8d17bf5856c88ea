// RFC 7643 §8.7.2: the schemas describing the discovery resources themselves. scim2-tester expects /Schemas
// to list them next to User, Group and EnterpriseUser.
import { defineAttribute, type AttributeDefinition, type AttributeType, type SchemaDefinition } from './attribute-definition';

export const SERVICE_PROVIDER_CONFIG_URN = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_URN = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

// Everything in the discovery resources is the server's to say: readOnly throughout.
const ro = (name: string, type: AttributeType, description: string, extra: Partial<AttributeDefinition> = {}) =>
  defineAttribute(name, type, description, { mutability: 'readOnly', ...extra });

const supported = (description: string) => ro('supported', 'boolean', description, { required: true });

const feature = (name: string, description: string, more: AttributeDefinition[] = []) =>
  ro(name, 'complex', description, { required: true, subAttributes: [supported(`Whether ${name} is supported.`), ...more] });

export const SERVICE_PROVIDER_CONFIG_SCHEMA: SchemaDefinition = {
  id: SERVICE_PROVIDER_CONFIG_URN,
  name: 'Service Provider Configuration',
  description: "Schema for representing the service provider's configuration",
  attributes: [
    ro('documentationUri', 'reference', 'An HTTP-addressable URL pointing to help documentation.', {
      referenceTypes: ['external'],
    }),
    feature('patch', 'PATCH configuration options.'),
    feature('bulk', 'Bulk configuration options.', [
      ro('maxOperations', 'integer', 'The maximum number of operations.', { required: true }),
      ro('maxPayloadSize', 'integer', 'The maximum payload size in bytes.', { required: true }),
    ]),
    feature('filter', 'Filter options.', [ro('maxResults', 'integer', 'The maximum number of resources returned in a response.', { required: true })]),
    feature('changePassword', 'Change password options.'),
    feature('sort', 'Sort options.'),
    feature('etag', 'ETag options.'),
    ro('authenticationSchemes', 'complex', 'Supported authentication schemes.', {
      multiValued: true,
      required: true,
      subAttributes: [
        ro('type', 'string', 'The authentication scheme.', {
          required: true,
          canonicalValues: ['oauth', 'oauth2', 'oauthbearertoken', 'httpbasic', 'httpdigest'],
        }),
        ro('name', 'string', 'The common authentication scheme name.', { required: true }),
        ro('description', 'string', 'A description of the authentication scheme.', { required: true }),
        ro('specUri', 'reference', "The scheme's specification.", { referenceTypes: ['external'] }),
        ro('documentationUri', 'reference', "The scheme's usage documentation.", { referenceTypes: ['external'] }),
        ro('primary', 'boolean', 'Whether this is the preferred scheme.'),
      ],
    }),
  ],
};

export const RESOURCE_TYPE_SCHEMA: SchemaDefinition = {
  id: RESOURCE_TYPE_URN,
  name: 'ResourceType',
  description: 'Specifies the schema that describes a SCIM resource type',
  attributes: [
    ro('id', 'string', "The resource type's server unique id.", { caseExact: true }),
    ro('name', 'string', 'The resource type name.', { required: true }),
    ro('description', 'string', "The resource type's human-readable description."),
    ro('endpoint', 'reference', "The resource type's HTTP-addressable endpoint relative to the base URL.", {
      required: true,
      referenceTypes: ['uri'],
    }),
    ro('schema', 'reference', "The resource type's primary/base schema URI.", {
      required: true,
      caseExact: true,
      referenceTypes: ['uri'],
    }),
    ro('schemaExtensions', 'complex', "A list of URIs of the resource type's schema extensions.", {
      multiValued: true,
      subAttributes: [
        ro('schema', 'reference', 'The URI of a schema extension.', {
          required: true,
          caseExact: true,
          referenceTypes: ['uri'],
        }),
        ro('required', 'boolean', 'Whether resources must include this extension.', { required: true }),
      ],
    }),
  ],
};

// The attribute-definition attributes, shared by `attributes` and its `subAttributes`.
const definitionFields: AttributeDefinition[] = [
  ro('name', 'string', "The attribute's name.", { required: true, caseExact: true }),
  ro('type', 'string', "The attribute's data type.", {
    required: true,
    canonicalValues: ['string', 'complex', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'binary'],
  }),
  ro('multiValued', 'boolean', 'Whether the attribute is multi-valued.', { required: true }),
  ro('description', 'string', 'A human-readable description of the attribute.'),
  ro('required', 'boolean', 'Whether the attribute is required.'),
  ro('canonicalValues', 'string', 'Suggested canonical values.', { multiValued: true }),
  ro('caseExact', 'boolean', 'Whether string values are case sensitive.'),
  ro('mutability', 'string', 'Whether the attribute may be modified.', {
    canonicalValues: ['readOnly', 'readWrite', 'immutable', 'writeOnly'],
  }),
  ro('returned', 'string', 'When the attribute is returned in a response.', {
    canonicalValues: ['always', 'never', 'default', 'request'],
  }),
  ro('uniqueness', 'string', 'How the service provider enforces uniqueness.', {
    canonicalValues: ['none', 'server', 'global'],
  }),
  ro('referenceTypes', 'string', 'The resource types a reference may point to.', { multiValued: true }),
];

export const SCHEMA_SCHEMA: SchemaDefinition = {
  id: SCHEMA_URN,
  name: 'Schema',
  description: 'Specifies the schema attribute',
  attributes: [
    ro('id', 'string', 'The unique URI of the schema.', { required: true, caseExact: true }),
    ro('name', 'string', 'The schema name.'),
    ro('description', 'string', 'The schema description.'),
    ro('attributes', 'complex', "The service provider's attribute definitions.", {
      multiValued: true,
      required: true,
      subAttributes: [
        ...definitionFields,
        ro('subAttributes', 'complex', 'The sub-attributes of a complex attribute.', {
          multiValued: true,
          subAttributes: definitionFields,
        }),
      ],
    }),
  ],
};
