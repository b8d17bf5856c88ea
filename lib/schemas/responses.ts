// Response shapes of the host API, for the OpenAPI document (requests are validated by the input schemas).
import { z } from 'zod';
import { EVENT_TYPES } from '../events/event-types';
import { PROVIDERS } from '../directory/providers';
import { HEALTH_STATES } from '../health/directory-health';
import { fieldWarningsSchema } from './attribute-mapping';

const iso = z.string().describe('ISO 8601 timestamp');

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const organizationSchema = z.object({ id: z.string(), name: z.string(), externalId: z.string().nullable(), createdAt: iso });
export const directorySchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  provider: z.enum(PROVIDERS),
  name: z.string().describe('What the admin calls it; by default the provider\'s name, numbered ("Okta 2")'),
  status: z.enum(['enabled', 'disabled']),
  health: z
    .enum(HEALTH_STATES)
    .describe(
      "waiting: no authenticated request yet; connected; degraded: requests refused repeatedly (3 without a valid token since the last accepted one, or the 3 newest refused); silent: no request for longer than the provider's sync cycle allows (Entra: 40 + 20 minutes). As of the last health check (every 10 s).",
    ),
  healthReason: z.enum(['auth_failures', 'errors', 'no_requests']).nullable(),
  healthChangedAt: iso.nullable(),
  connectedAt: iso.nullable().describe('The first authenticated SCIM request (directory.connected)'),
  lastRequestAt: iso.nullable(),
  unauthenticatedRequests: z.number().int().describe('SCIM requests that had no valid token for this directory (counted, not logged)'),
  lastUnauthenticatedAt: iso.nullable(),
  createdAt: iso,
  scim: z.object({ endpoint: z.string(), token: z.string().optional().describe('Only in the answer that created it') }),
});
export const tokenSchema = z.object({ id: z.string(), token: z.string(), lastFour: z.string(), createdAt: iso, expiresAt: iso.nullable() });
export const userSchema = z.object({
  id: z.string(),
  directoryId: z.string(),
  externalId: z.string().nullable(),
  userName: z.string(),
  email: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  displayName: z.string().nullable(),
  active: z.boolean(),
  removedAt: iso
    .nullable()
    .describe('When the IdP deleted the user (DELETE /Users) and the leaving policy kept it, deactivated and in no group, for the host; null otherwise'),
  groups: z.array(z.object({ id: z.string(), displayName: z.string() })),
  roles: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()).describe('The SCIM resource as the IdP last sent it'),
  customAttributes: z
    .record(z.string(), z.unknown())
    .describe("Your user fields as this directory's attribute mapping fills them, converted to each field's type (filter: customAttributes.<key>)"),
  attributeWarnings: fieldWarningsSchema.describe('Values that did not convert to their field type, and required fields left empty'),
  createdAt: iso,
  updatedAt: iso,
});
export const groupSchema = z.object({
  id: z.string(),
  directoryId: z.string(),
  externalId: z.string().nullable(),
  displayName: z.string(),
  memberCount: z.number().int(),
  roles: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()),
  createdAt: iso,
  updatedAt: iso,
});
export const roleSchema = z.object({ id: z.string(), key: z.string(), name: z.string(), description: z.string().nullable(), createdAt: iso });
export const roleMappingsSchema = z.object({
  mappings: z.array(z.object({ groupId: z.string(), roleKey: z.string() })),
  defaultRoleKey: z.string().nullable(),
});
export const eventSchema = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  createdAt: iso,
  organizationId: z.string().nullable().describe("null for the host's own events (webhook_endpoint.disabled)"),
  directoryId: z.string().nullable(),
  data: z.unknown().describe('The resource; when the event would exceed EVENT_MAX_BYTES, bulky parts are left out with `<key>Omitted: true` in their place'),
  previousAttributes: z.record(z.string(), z.unknown()).optional(),
});
export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(EVENT_TYPES)),
  enabled: z.boolean(),
  disabledAt: iso.nullable(),
  disabledReason: z
    .enum(['failing', 'never_delivered', 'manual'])
    .nullable()
    .describe('failing: every attempt failed for WEBHOOK_DISABLE_AFTER_HOURS; never_delivered: no delivery accepted for WEBHOOK_DISABLE_NEW_AFTER_HOURS'),
  failingSince: iso.nullable().describe('When the current run of failed attempts began'),
  deliveries: z
    .object({ pending: z.number().int(), dropped: z.number().int() })
    .optional()
    .describe(
      'Read of one endpoint only: its backlog, and deliveries dropped over WEBHOOK_MAX_PENDING (counted as a scan: 503 with Retry-After while every place is taken)',
    ),
  secret: z.string().optional().describe('Only when created or rotated'),
  createdAt: iso,
  updatedAt: iso,
});
export const portalLinkSchema = z.object({ url: z.string(), expiresAt: iso });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
