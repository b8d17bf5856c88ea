// RFC 7644 §4: /ServiceProviderConfig, /ResourceTypes[/{name}], /Schemas[/{urn}]. Read-only: other methods 405.
import { notFound, ScimError } from './errors';
import { findSchema, resourceTypes, schemasList, serviceProviderConfig } from './schemas/discovery';
import type { SchemaDefinition } from './schemas/attribute-definition';
import { listResponse } from './serialize';
import type { ScimObject, ScimRequest, ScimResponse } from './types';

const ENDPOINTS = ['serviceproviderconfig', 'resourcetypes', 'schemas'];

export function isDiscoveryPath(first: string): boolean {
  return ENDPOINTS.includes(first.toLowerCase());
}

export function handleDiscovery(req: ScimRequest, baseUrl: string, userExtensions: SchemaDefinition[] = []): ScimResponse {
  const [first, id, ...rest] = req.path;
  if (req.method !== 'GET') {
    return { status: 405, headers: { Allow: 'GET' }, body: METHOD_NOT_ALLOWED };
  }
  if (rest.length) throw notFound('No such discovery resource');
  switch (first.toLowerCase()) {
    case 'serviceproviderconfig':
      if (id) throw notFound('No such discovery resource');
      // §4: a filter on the configuration endpoints SHOULD be refused with 403.
      if (req.query.has('filter')) throw new ScimError(403, undefined, 'Filtering is not supported on this endpoint');
      return { status: 200, headers: {}, body: serviceProviderConfig(baseUrl) };
    case 'resourcetypes': {
      const all = resourceTypes(baseUrl, userExtensions);
      if (!id) return { status: 200, headers: {}, body: listResponse(all, all.length, 1) };
      const found = all.find((r: ScimObject) => String(r.id).toLowerCase() === id.toLowerCase());
      if (!found) throw notFound(`ResourceType ${id} not found`);
      return { status: 200, headers: {}, body: found };
    }
    default: {
      if (!id) {
        const all = schemasList(baseUrl, userExtensions);
        return { status: 200, headers: {}, body: listResponse(all, all.length, 1) };
      }
      // Segments arrive decoded (Next decodes route params); decoding again would throw on a bare `%`.
      const found = findSchema(id, baseUrl, userExtensions);
      if (!found) throw notFound(`Schema ${id} not found`);
      return { status: 200, headers: {}, body: found };
    }
  }
}

const METHOD_NOT_ALLOWED: ScimObject = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
  status: '405',
  detail: 'This endpoint is read-only: only GET is allowed',
};
