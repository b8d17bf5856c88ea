// RFC 7643 §3.1 attributes every resource carries. They belong to no schema, but PATCH paths, filters and
// `attributes=` name them like any other attribute, so lookup resolves them under the core URN.
import { defineAttribute, type AttributeDefinition } from './attribute-definition';

const readOnly = { mutability: 'readOnly' } as const;

export const EXTERNAL_ID_ATTRIBUTE = defineAttribute('externalId', 'string', 'An identifier for the resource as defined by the provisioning client.', {
  caseExact: true,
});

export const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  defineAttribute('id', 'string', 'Unique identifier for the resource, issued by the service provider.', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  EXTERNAL_ID_ATTRIBUTE,
  defineAttribute('meta', 'complex', 'Resource metadata.', {
    ...readOnly,
    subAttributes: [
      defineAttribute('resourceType', 'string', 'The name of the resource type.', { ...readOnly, caseExact: true }),
      defineAttribute('created', 'dateTime', 'When the resource was added to the service provider.', readOnly),
      defineAttribute('lastModified', 'dateTime', 'When the resource was last updated.', readOnly),
      defineAttribute('location', 'reference', 'The URI of the resource.', {
        ...readOnly,
        caseExact: true,
        referenceTypes: ['uri'],
      }),
      defineAttribute('version', 'string', 'The version (ETag) of the resource.', { ...readOnly, caseExact: true }),
    ],
  }),
];
