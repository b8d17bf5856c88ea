// Event types of the feed and webhooks (CONTRACT.md).
export const EVENT_TYPES = [
  'directory.created',
  'directory.connected',
  'directory.health.changed',
  'directory.enabled',
  'directory.disabled',
  'directory.deleted',
  'directory.user.created',
  'directory.user.updated',
  'directory.user.deleted',
  // An IdP's `active` turned off or on (issue 19); the directory.user.updated beside it shows the roles lost or regained.
  'directory.user.deactivated',
  'directory.user.reactivated',
  // A create or reactivation took the organization's last seat (issue 19's seat limit).
  'organization.seat_limit_reached',
  'directory.group.created',
  'directory.group.updated',
  'directory.group.deleted',
  'directory.group.user_added',
  'directory.group.user_removed',
  // The host's own: an endpoint the delivery worker disabled (organizationId and directoryId are null).
  'webhook_endpoint.disabled',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Who a change belongs to: every event carries the directory's organization and host. */
export interface DirectoryScope {
  hostId: string;
  organizationId: string;
  directoryId: string;
}

export interface PendingEvent {
  type: EventType;
  data: unknown;
  previousAttributes?: Record<string, unknown>;
}
