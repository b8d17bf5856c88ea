// The OpenAPI 3.1 document of the host API, generated from the same zod schemas that validate requests.
import { z } from 'zod';
import { env } from '../env';
import { createDirectoryInputSchema, createTokenInputSchema, updateDirectoryInputSchema } from '../schemas/directory';
import { createOrganizationInputSchema, updateOrganizationInputSchema } from '../schemas/organization';
import { groupSelectionInputSchema, groupSelectionSchema, selectionChangeSchema } from '../schemas/group-selection';
import { policySchema, updatePolicyInputSchema } from '../schemas/policy';
import * as R from '../schemas/responses';
import { createRoleInputSchema, putRoleMappingsInputSchema, updateRoleInputSchema } from '../schemas/role';
import { putUserSchemaInputSchema, userSchemaResponseSchema } from '../schemas/user-schema';
import {
  attributeMappingSchema,
  attributeSourcesSchema,
  mappingPreviewSchema,
  previewAttributeMappingInputSchema,
  putAttributeMappingInputSchema,
} from '../schemas/attribute-mapping';
import { createWebhookEndpointInputSchema, replayInputSchema, updateWebhookEndpointInputSchema } from '../schemas/webhook';

interface Op {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: Record<string, string>;
  status: number;
  response?: z.ZodType;
}

/** What a key reaches, said wherever keys are described (README, /docs/api, this document). */
export const API_KEY_SCOPE =
  "A key has no narrower scope: it reaches every organization of its host, with their directories, SCIM tokens, users, groups, portal links and sessions, and the host's roles, events and webhooks. Keep it on your servers; never send it to a browser or to a customer.";

const page = { limit: 'Page size (1–200, default 50)', cursor: 'nextCursor of the previous page' };

const OPERATIONS: Op[] = [
  {
    method: 'post',
    path: '/organizations',
    summary: 'Create an organization',
    body: createOrganizationInputSchema,
    status: 201,
    response: R.organizationSchema,
  },
  {
    method: 'get',
    path: '/organizations',
    summary: 'List organizations, oldest first; ?externalId= finds the one with your id for it',
    query: { ...page, externalId: 'Your id for the organization (unique per host): the list holds it alone, or nothing' },
    status: 200,
    response: R.listOf(R.organizationSchema),
  },
  { method: 'get', path: '/organizations/{orgId}', summary: 'Read an organization', status: 200, response: R.organizationSchema },
  {
    method: 'patch',
    path: '/organizations/{orgId}',
    summary: 'Rename an organization, or set or clear (null) its externalId (409 when another organization has it)',
    body: updateOrganizationInputSchema,
    status: 200,
    response: R.organizationSchema,
  },
  {
    method: 'get',
    path: '/organizations/{orgId}/policy',
    summary: "Read the organization's provisioning policy (the defaults until one is set)",
    status: 200,
    response: policySchema,
  },
  {
    method: 'patch',
    path: '/organizations/{orgId}/policy',
    summary:
      'Change the provisioning policy (audited); the parts given replace those in force. domains: a user created or reactivated must have its userName and primary email on one of them or a subdomain ([] accepts anyone), and a PUT/PATCH moving an active user\'s userName or primary email to another domain must keep it there; seatLimit: at most this many active users across the organization\'s directories (null: none; the create taking the last seat emits organization.seat_limit_reached; a limit lowered below the seats in use keeps those users and admits nobody until enough have left). A refusal answers the IdP 403 with a detail naming the domain or the limit. leaving.mode says what an IdP\'s active: false does: "deactivate" (the default: the user is kept, loses every role at once, directory.user.deactivated), "delete_after" (kept deactivated, deleted by the retention job deleteAfterDays later unless reactivated), "delete" (deleted at once, directory.user.deleted). Inactive users never hold roles. DELETE /Users follows the same mode: under "delete" the user is deleted; under the others it is gone from SCIM (RFC 7644 §3.6: 404, in no list) but kept for the host, deactivated, roleless and out of every group (directory.group.user_removed per selected group, directory.user.updated, directory.user.deactivated with removedAt set, unless it was inactive already), holds neither its userName nor a place in the directory\'s user quota (kept users have a bound of their own, SCIM_MAX_KEPT_USERS_PER_DIRECTORY: past it the DELETE deletes at once, directory.user.deleted with data.reason "kept_users_limit"), and a later POST of the same externalId, or of its userName when the user has no other externalId, links to it (201, same id; 409 while another user SCIM sees holds that userName)',
    body: updatePolicyInputSchema,
    status: 200,
    response: policySchema,
  },
  {
    method: 'post',
    path: '/organizations/{orgId}/portal-links',
    summary: 'Mint a single-use portal link (expires unused after 5 minutes)',
    body: z.object({ features: z.array(z.literal('scim')).optional(), returnUrl: z.string().url().optional() }),
    status: 201,
    response: R.portalLinkSchema,
  },
  {
    method: 'delete',
    path: '/organizations/{orgId}/portal-sessions',
    summary: 'End every portal session of the organization at once (links not yet opened stay valid until used or expired)',
    status: 204,
  },
  {
    method: 'post',
    path: '/organizations/{orgId}/directories',
    summary: 'Create a directory; the answer carries the SCIM endpoint and its token, once',
    body: createDirectoryInputSchema,
    status: 201,
    response: R.directorySchema,
  },
  {
    method: 'get',
    path: '/organizations/{orgId}/directories',
    summary: "List an organization's directories",
    status: 200,
    response: R.listOf(R.directorySchema),
  },
  { method: 'get', path: '/directories/{dirId}', summary: 'Read a directory', status: 200, response: R.directorySchema },
  {
    method: 'patch',
    path: '/directories/{dirId}',
    summary: 'Rename a directory, or enable or disable it (SCIM answers 403 while disabled)',
    body: updateDirectoryInputSchema,
    status: 200,
    response: R.directorySchema,
  },
  { method: 'delete', path: '/directories/{dirId}', summary: 'Delete a directory and all its data; emits its deletion events', status: 204 },
  { method: 'delete', path: '/organizations/{orgId}', summary: 'Delete an organization, its directories and all their data', status: 204 },
  {
    method: 'post',
    path: '/directories/{dirId}/tokens',
    summary: 'Mint a new SCIM token; older tokens stay valid until revoked',
    body: createTokenInputSchema,
    status: 201,
    response: R.tokenSchema,
  },
  {
    method: 'get',
    path: '/directories/{dirId}/tokens',
    summary: "List a directory's SCIM tokens (last four characters only, never the token)",
    status: 200,
    response: R.listOf(
      z.object({
        id: z.string(),
        lastFour: z.string(),
        createdAt: z.string(),
        expiresAt: z.string().nullable(),
        lastUsedAt: z.string().nullable(),
        revokedAt: z.string().nullable(),
      }),
    ),
  },
  { method: 'delete', path: '/directories/{dirId}/tokens/{tokenId}', summary: 'Revoke a SCIM token; it fails from the next request on', status: 204 },
  {
    method: 'get',
    path: '/directories/{dirId}/users',
    summary: 'List directory users, in order of creation (with groupId: in member order, by user id)',
    query: {
      ...page,
      groupId: "Only members of this group, in member order (by user id): a page costs the same whatever the group's size",
      filter:
        'A SCIM filter (RFC 7644 §3.4.2.2) on any attribute, your user fields included: seats gt 10 and urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq "Sales"; mapped values as customAttributes.<key>: customAttributes.costCenter eq "CC-7"',
    },
    status: 200,
    response: R.listOf(R.userSchema),
  },
  { method: 'get', path: '/directories/{dirId}/users/{userId}', summary: 'Read a directory user', status: 200, response: R.userSchema },
  { method: 'get', path: '/directories/{dirId}/groups', summary: 'List directory groups', query: page, status: 200, response: R.listOf(R.groupSchema) },
  { method: 'get', path: '/directories/{dirId}/groups/{groupId}', summary: 'Read a directory group', status: 200, response: R.groupSchema },
  {
    method: 'get',
    path: '/directories/{dirId}/groups/{groupId}/members',
    summary: "List a group's members, in member order (by user id): a page costs the same whatever the group's size",
    query: page,
    status: 200,
    response: R.listOf(R.userSchema),
  },
  { method: 'post', path: '/roles', summary: 'Define a role', body: createRoleInputSchema, status: 201, response: R.roleSchema },
  { method: 'get', path: '/roles', summary: 'List roles', status: 200, response: R.listOf(R.roleSchema) },
  { method: 'get', path: '/roles/{roleKey}', summary: 'Read a role', status: 200, response: R.roleSchema },
  {
    method: 'patch',
    path: '/roles/{roleKey}',
    summary: "Change a role's name or description (its key never changes)",
    body: updateRoleInputSchema,
    status: 200,
    response: R.roleSchema,
  },
  {
    method: 'delete',
    path: '/roles/{roleKey}',
    summary: 'Delete a role: it leaves every mapping and default role, and each user who held it gets a directory.user.updated',
    status: 204,
  },
  {
    method: 'get',
    path: '/user-schema',
    summary: "Read the host's user fields (the SCIM extension every directory advertises), with the state of each indexed field's index",
    status: 200,
    response: userSchemaResponseSchema,
  },
  {
    method: 'put',
    path: '/user-schema',
    status: 200,
    body: putUserSchemaInputSchema,
    response: userSchemaResponseSchema,
    summary:
      "Declare the host's user fields: advertised in every directory's /Schemas and /ResourceTypes as urn:ietf:params:scim:schemas:extension:{slug}:2.0:User, converted to their types when IdPs send them, filterable. A field left out stops being advertised; values already sent stay on the users. A field added or removed, or a change of its type, default or required, recomputes every directory's mapped values in the background (events only for users whose values changed). A field declared indexed gets its indexes built after the answer, in the background (on PostgreSQL concurrently: user writes go on meanwhile); indexes in the answer says per field whether its index is building (filters on it answer correctly meanwhile, without the index), ready, or failed (with the reason; PUT again to retry). A PUT that changes nothing rebuilds nothing; hosts declaring the same slug and key share one index, dropped when the last stops declaring it",
  },
  {
    method: 'get',
    path: '/directories/{dirId}/attribute-mapping',
    summary: "How the directory fills your user fields (each field's SCIM sources and default), and the progress of the last save's recompute",
    status: 200,
    response: attributeMappingSchema,
  },
  {
    method: 'put',
    path: '/directories/{dirId}/attribute-mapping',
    summary:
      'Replace the directory\'s mapping (audited): per field key, `sources` (SCIM paths tried in order: title, urn:…:enterprise:2.0:User:department, emails[type eq "work"].value; at most 4 fallbacks) and a `default`. A field left out maps from your extension. Every user\'s values are recomputed in the background (`job`); users whose values change get a directory.user.updated with previousAttributes.customAttributes',
    body: putAttributeMappingInputSchema,
    status: 200,
    response: attributeMappingSchema,
  },
  {
    method: 'post',
    path: '/directories/{dirId}/attribute-mapping/preview',
    summary:
      'What a mapping would give: values for the `limit` most recently changed users, and per field how many sampled users lack a value or fail conversion',
    body: previewAttributeMappingInputSchema,
    status: 200,
    response: mappingPreviewSchema,
  },
  {
    method: 'get',
    path: '/directories/{dirId}/attribute-mapping/sources',
    summary: "The SCIM paths the directory's IdP sent, with how many of the sampled users (1,000 at most) have each",
    status: 200,
    response: attributeSourcesSchema,
  },
  {
    method: 'put',
    path: '/directories/{dirId}/role-mappings',
    summary: "Replace a directory's group-to-role mappings; users' roles follow at once",
    body: putRoleMappingsInputSchema,
    status: 200,
    response: R.roleMappingsSchema,
  },
  { method: 'get', path: '/directories/{dirId}/role-mappings', summary: 'Read the mappings in force', status: 200, response: R.roleMappingsSchema },
  {
    method: 'get',
    path: '/directories/{dirId}/group-selection',
    summary: 'Which groups the host sees: "all" (the default), or "selected" with the groupIds chosen',
    status: 200,
    response: groupSelectionSchema,
  },
  {
    method: 'put',
    path: '/directories/{dirId}/group-selection',
    summary:
      'Set which groups the host sees (audited). Groups not selected are kept and SCIM works on them as ever (the IdP sees no difference), but they have no host API rows, appear in no user\'s groups, emit no events and give no roles; groups an IdP creates while the mode is "selected" start unselected. The change emits, in one transaction, directory.group.user_removed then directory.group.deleted for each group disappearing, directory.group.created then directory.group.user_added for each appearing, and directory.user.updated (previousAttributes.roles) for each role that moved. A change moving more than 20,000 memberships runs as a background job instead (202): batches of 2,000 memberships in their own transactions with the same events, resumed after a restart; GET shows its progress (job), and another change is a 409 until it is done',
    body: groupSelectionInputSchema,
    status: 200,
    response: groupSelectionSchema.extend({ change: selectionChangeSchema }),
  },
  {
    method: 'post',
    path: '/directories/{dirId}/group-selection/preview',
    summary: 'What setting this selection would do, without doing it: groups appearing and disappearing (with member counts), users whose roles change',
    body: groupSelectionInputSchema,
    status: 200,
    response: selectionChangeSchema,
  },
  {
    method: 'get',
    path: '/events',
    summary:
      'Events, oldest first, with opaque cursors. Events are kept EVENT_RETENTION_DAYS (30); a cursor some of whose following events were purged answers 410 cursor_expired: call again without after to start at the oldest kept event (events may repeat: dedupe by id)',
    query: { after: 'nextCursor of the previous call (opaque, of this host only)', limit: '1–500, default 100' },
    status: 200,
    response: R.listOf(R.eventSchema),
  },
  {
    method: 'post',
    path: '/webhook-endpoints',
    summary: 'Create a webhook endpoint (Standard Webhooks signatures)',
    body: createWebhookEndpointInputSchema,
    status: 201,
    response: R.webhookEndpointSchema,
  },
  { method: 'get', path: '/webhook-endpoints', summary: 'List webhook endpoints', status: 200, response: R.listOf(R.webhookEndpointSchema) },
  { method: 'get', path: '/webhook-endpoints/{endpointId}', summary: 'Read a webhook endpoint', status: 200, response: R.webhookEndpointSchema },
  {
    method: 'patch',
    path: '/webhook-endpoints/{endpointId}',
    summary: 'Update a webhook endpoint; enabled: true re-enables a disabled one (its pending deliveries resume, new events are queued from then on)',
    body: updateWebhookEndpointInputSchema,
    status: 200,
    response: R.webhookEndpointSchema,
  },
  { method: 'delete', path: '/webhook-endpoints/{endpointId}', summary: 'Delete a webhook endpoint', status: 204 },
  {
    method: 'post',
    path: '/webhook-endpoints/{endpointId}/rotate-secret',
    summary: 'Rotate the signing secret',
    status: 200,
    response: z.object({ id: z.string(), secret: z.string() }),
  },
  {
    method: 'get',
    path: '/webhook-endpoints/{endpointId}/deliveries',
    summary: 'Delivery log: attempts, status codes, latency, errors',
    query: page,
    status: 200,
  },
  {
    method: 'post',
    path: '/webhook-endpoints/{endpointId}/replay',
    summary: 'Replay one event or a range of events',
    body: replayInputSchema,
    status: 202,
    response: z.object({ queued: z.number().int() }),
  },
];

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = Object.entries(op.query ?? {}).map(([name, description]) => ({
      name,
      in: 'query',
      required: false,
      description,
      schema: { type: 'string' },
    }));
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: [...params, ...query],
      ...(op.body ? { requestBody: { required: true, content: json(op.body) } } : {}),
      responses: {
        [op.status]: { description: 'Success', ...(op.response ? { content: json(op.response) } : {}) },
        '4XX': { description: 'Client error', content: json(R.errorSchema) },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'scim-portal host API',
      version: '1.0.0',
      description: `Organizations, directories, synced users and groups, roles, events and webhooks. ${API_KEY_SCOPE}`,
    },
    servers: [{ url: `${env().publicUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: `A host API key (npm run cli -- api-keys create, or the dashboard). ${API_KEY_SCOPE}` },
      },
    },
    paths,
  };
}
