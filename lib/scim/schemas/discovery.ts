// GET /ServiceProviderConfig, /ResourceTypes, /Schemas: RFC 7644 §4, RFC 7643 §5–7.
import { ENTERPRISE_USER_URN, GROUP_URN, USER_URN, type ScimObject } from '../types';
import { MAX_BODY_BYTES } from '../body-limits';
import { MAX_COUNT } from '../list-params';
import type { SchemaDefinition } from './attribute-definition';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user';
import { GROUP_SCHEMA } from './group';
import {
  RESOURCE_TYPE_SCHEMA,
  RESOURCE_TYPE_URN,
  SCHEMA_SCHEMA,
  SCHEMA_URN,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  SERVICE_PROVIDER_CONFIG_URN,
} from './meta-schemas';
import { USER_SCHEMA } from './user';

const ALL_SCHEMAS: SchemaDefinition[] = [
  USER_SCHEMA,
  GROUP_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
  RESOURCE_TYPE_SCHEMA,
  SCHEMA_SCHEMA,
];

/** The definitions are plain JSON data; this re-types them for response bodies. */
const asScim = (value: object): ScimObject => JSON.parse(JSON.stringify(value)) as ScimObject;

export function serviceProviderConfig(baseUrl: string, documentationUri?: string): ScimObject {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_URN],
    ...(documentationUri ? { documentationUri } : {}),
    patch: { supported: true },
    // Okta's 2016 SPEC test requires maxOperations and maxPayloadSize to be non-empty even with bulk off.
    bulk: { supported: false, maxOperations: 1000, maxPayloadSize: MAX_BODY_BYTES },
    // The bounds RFC 7643 §5 has fields for; the others are named in the 400 that enforces them.
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with a directory token sent as "Authorization: Bearer <token>".',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

/** `userExtensions`: the host's extension (lib/attributes), when it declared fields. */
export function resourceTypes(baseUrl: string, userExtensions: SchemaDefinition[] = []): ScimObject[] {
  const type = (name: 'User' | 'Group', endpoint: string, schema: string, extensions: string[]): ScimObject => ({
    schemas: [RESOURCE_TYPE_URN],
    id: name,
    name,
    description: name === 'User' ? 'User Account' : 'Group',
    endpoint,
    schema,
    schemaExtensions: extensions.map((s) => ({ schema: s, required: false })),
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/${name}` },
  });
  return [type('User', '/Users', USER_URN, [ENTERPRISE_USER_URN, ...userExtensions.map((s) => s.id)]), type('Group', '/Groups', GROUP_URN, [])];
}

function schemaResource(schema: SchemaDefinition, baseUrl: string): ScimObject {
  return {
    schemas: [SCHEMA_URN],
    ...asScim(schema),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  };
}

/** User, Group and EnterpriseUser first (Entra reads these), then the discovery meta-schemas. */
export function schemasList(baseUrl: string, userExtensions: SchemaDefinition[] = []): ScimObject[] {
  return withExtensions(userExtensions).map((s) => schemaResource(s, baseUrl));
}

const withExtensions = (extra: SchemaDefinition[]) => [...ALL_SCHEMAS.slice(0, 3), ...extra, ...ALL_SCHEMAS.slice(3)];

/** GET /Schemas/{id}; ids are URNs, compared case-insensitively like every other SCIM name. */
export function findSchema(id: string, baseUrl = '', userExtensions: SchemaDefinition[] = []): ScimObject | undefined {
  const schema = withExtensions(userExtensions).find((s) => s.id.toLowerCase() === id.toLowerCase());
  return schema ? schemaResource(schema, baseUrl) : undefined;
}
