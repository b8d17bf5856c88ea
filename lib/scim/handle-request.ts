// The framework-free SCIM core: a plain request in, {status, headers, body} out. Authentication happens before
// (serve-scim.ts); everything here runs for one directory, named by ctx.directoryId.
import type { ScimContext } from './context';
import { handleDiscovery, isDiscoveryPath } from './discovery-endpoint';
import { badRequest, notFound, ScimError, scimErrorBody } from './errors';
import { createGroup, deleteGroup, getGroup, listGroups, patchGroup, replaceGroup } from './groups-endpoint';
import { parseJsonObject } from './json-body';
import { listParamsFromQuery, listParamsFromSearch } from './list-params';
import { searchRoot } from './root-search';
import { SEARCH_REQUEST_URN, type ScimRequest, type ScimResponse } from './types';
import { createUser, deleteUser, getUser, listUsers, patchUser, replaceUser } from './users-endpoint';

const NOT_ALLOWED = (allow: string): ScimResponse => ({
  status: 405,
  headers: { Allow: allow },
  body: scimErrorBody(new ScimError(405, undefined, `Method not allowed here; allowed: ${allow}`)),
});

function searchParams(req: ScimRequest) {
  const body = parseJsonObject(req);
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(SEARCH_REQUEST_URN)) {
    throw badRequest('invalidSyntax', `A search request must list ${SEARCH_REQUEST_URN} in schemas`);
  }
  return listParamsFromSearch(body);
}

export async function handleScimRequest(req: ScimRequest, ctx: ScimContext): Promise<ScimResponse> {
  const [first = '', id, ...rest] = req.path;
  const resource = first.toLowerCase();
  const method = req.method.toUpperCase();
  if (isDiscoveryPath(first)) {
    return handleDiscovery(req, ctx.baseUrl, ctx.userExtension ? [ctx.userExtension.schema] : []);
  }
  if (resource === '.search' && !id) {
    if (method !== 'POST') return NOT_ALLOWED('POST');
    return searchRoot(ctx, searchParams(req));
  }
  if (resource === 'me') throw new ScimError(501, undefined, '/Me is not supported: there is no authenticated user');
  if (resource === 'bulk') throw new ScimError(501, undefined, 'Bulk operations are not supported (bulk.supported is false)');
  if (resource !== 'users' && resource !== 'groups') throw notFound(`No such endpoint: /${req.path.join('/')}`);
  if (rest.length) throw notFound(`No such endpoint: /${req.path.join('/')}`);
  const users = resource === 'users';

  if (!id) {
    if (method === 'GET') return users ? listUsers(ctx, listParamsFromQuery(req.query)) : listGroups(ctx, listParamsFromQuery(req.query));
    if (method === 'POST') return users ? createUser(ctx, req) : createGroup(ctx, req);
    return NOT_ALLOWED('GET, POST');
  }
  if (id === '.search') {
    if (method !== 'POST') return NOT_ALLOWED('POST');
    return users ? listUsers(ctx, searchParams(req)) : listGroups(ctx, searchParams(req));
  }
  switch (method) {
    case 'GET':
      return users ? getUser(ctx, id, req) : getGroup(ctx, id, req);
    case 'PUT':
      return users ? replaceUser(ctx, id, req) : replaceGroup(ctx, id, req);
    case 'PATCH':
      return users ? patchUser(ctx, id, req) : patchGroup(ctx, id, req);
    case 'DELETE':
      return users ? deleteUser(ctx, id, req) : deleteGroup(ctx, id, req);
    default:
      return NOT_ALLOWED('GET, PUT, PATCH, DELETE');
  }
}
