// GENERATED from prisma/schema.base.prisma by scripts/db-schemas.mjs (scripts/db-tables.mjs): do not edit.
// Every model's table and columns, and the types of its row and of an INSERT (columns with a default optional).
import type { TableDef } from './table-def';

export const Host = {
  name: 'Host',
  columns: {
    id: { kind: 'text', nullable: false },
    name: { kind: 'text', nullable: false },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface HostRow {
  id: string;
  name: string;
  createdAt: Date;
}

export interface HostInsert {
  id: string;
  name: string;
  createdAt?: Date;
}

export const HostUserSchema = {
  name: 'HostUserSchema',
  columns: {
    hostId: { kind: 'text', nullable: false },
    slug: { kind: 'text', nullable: false },
    fields: { kind: 'text', nullable: false },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface HostUserSchemaRow {
  hostId: string;
  slug: string;
  fields: string;
  updatedAt: Date;
}

export interface HostUserSchemaInsert {
  hostId: string;
  slug: string;
  fields: string;
  updatedAt?: Date;
}

export const HostFieldIndex = {
  name: 'HostFieldIndex',
  columns: {
    name: { kind: 'text', nullable: false },
    expression: { kind: 'text', nullable: false },
    status: { kind: 'text', nullable: false },
    error: { kind: 'text', nullable: true },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface HostFieldIndexRow {
  name: string;
  expression: string;
  status: string;
  error: string | null;
  updatedAt: Date;
}

export interface HostFieldIndexInsert {
  name: string;
  expression: string;
  status: string;
  error: string | null;
  updatedAt?: Date;
}

export const HostFieldIndexUse = {
  name: 'HostFieldIndexUse',
  columns: {
    name: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
  },
} as const satisfies TableDef;

export interface HostFieldIndexUseRow {
  name: string;
  hostId: string;
}

export interface HostFieldIndexUseInsert {
  name: string;
  hostId: string;
}

export const ApiKey = {
  name: 'ApiKey',
  columns: {
    id: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    name: { kind: 'text', nullable: false },
    hash: { kind: 'text', nullable: false },
    lastFour: { kind: 'text', nullable: false },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
    lastUsedAt: { kind: 'dateTime', nullable: true },
    revokedAt: { kind: 'dateTime', nullable: true },
  },
} as const satisfies TableDef;

export interface ApiKeyRow {
  id: string;
  hostId: string;
  name: string;
  hash: string;
  lastFour: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyInsert {
  id: string;
  hostId: string;
  name: string;
  hash: string;
  lastFour: string;
  createdAt?: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const Organization = {
  name: 'Organization',
  columns: {
    id: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    name: { kind: 'text', nullable: false },
    nameLower: { kind: 'text', nullable: false, default: { value: "" } },
    externalId: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
  },
} as const satisfies TableDef;

export interface OrganizationRow {
  id: string;
  hostId: string;
  name: string;
  nameLower: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrganizationInsert {
  id: string;
  hostId: string;
  name: string;
  nameLower?: string;
  externalId: string | null;
  createdAt?: Date;
  updatedAt?: Date;
}

export const OrganizationPolicy = {
  name: 'OrganizationPolicy',
  columns: {
    organizationId: { kind: 'text', nullable: false },
    leaving: { kind: 'text', nullable: false, default: { value: "deactivate" } },
    deleteAfterDays: { kind: 'int', nullable: true },
    domains: { kind: 'text', nullable: false, default: { value: "[]" } },
    seatLimit: { kind: 'int', nullable: true },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
  },
} as const satisfies TableDef;

export interface OrganizationPolicyRow {
  organizationId: string;
  leaving: string;
  deleteAfterDays: number | null;
  domains: string;
  seatLimit: number | null;
  updatedAt: Date;
}

export interface OrganizationPolicyInsert {
  organizationId: string;
  leaving?: string;
  deleteAfterDays: number | null;
  domains?: string;
  seatLimit: number | null;
  updatedAt?: Date;
}

export const OrganizationSeats = {
  name: 'OrganizationSeats',
  columns: {
    organizationId: { kind: 'text', nullable: false },
    activeUsers: { kind: 'int', nullable: false, default: { value: 0 } },
    seatLimit: { kind: 'int', nullable: true },
    overLimit: { kind: 'int', nullable: false, default: { value: 0 } },
  },
} as const satisfies TableDef;

export interface OrganizationSeatsRow {
  organizationId: string;
  activeUsers: number;
  seatLimit: number | null;
  overLimit: number;
}

export interface OrganizationSeatsInsert {
  organizationId: string;
  activeUsers?: number;
  seatLimit: number | null;
  overLimit?: number;
}

export const Directory = {
  name: 'Directory',
  columns: {
    id: { kind: 'text', nullable: false },
    organizationId: { kind: 'text', nullable: false },
    provider: { kind: 'text', nullable: false },
    name: { kind: 'text', nullable: false, default: { value: "" } },
    status: { kind: 'text', nullable: false, default: { value: "enabled" } },
    lastRequestAt: { kind: 'dateTime', nullable: true },
    health: { kind: 'text', nullable: false, default: { value: "waiting" } },
    healthReason: { kind: 'text', nullable: true },
    healthChangedAt: { kind: 'dateTime', nullable: true },
    authFailuresSeen: { kind: 'int', nullable: false, default: { value: 0 } },
    connectedAt: { kind: 'dateTime', nullable: true },
    unauthenticatedRequests: { kind: 'int', nullable: false, default: { value: 0 } },
    lastUnauthenticatedAt: { kind: 'dateTime', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
    groupSelection: { kind: 'text', nullable: false, default: { value: "all" } },
    defaultRoleId: { kind: 'text', nullable: true },
  },
} as const satisfies TableDef;

export interface DirectoryRow {
  id: string;
  organizationId: string;
  provider: string;
  name: string;
  status: string;
  lastRequestAt: Date | null;
  health: string;
  healthReason: string | null;
  healthChangedAt: Date | null;
  authFailuresSeen: number;
  connectedAt: Date | null;
  unauthenticatedRequests: number;
  lastUnauthenticatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  groupSelection: string;
  defaultRoleId: string | null;
}

export interface DirectoryInsert {
  id: string;
  organizationId: string;
  provider: string;
  name?: string;
  status?: string;
  lastRequestAt: Date | null;
  health?: string;
  healthReason: string | null;
  healthChangedAt: Date | null;
  authFailuresSeen?: number;
  connectedAt: Date | null;
  unauthenticatedRequests?: number;
  lastUnauthenticatedAt: Date | null;
  createdAt?: Date;
  updatedAt?: Date;
  groupSelection?: string;
  defaultRoleId: string | null;
}

export const AttributeMapping = {
  name: 'AttributeMapping',
  columns: {
    directoryId: { kind: 'text', nullable: false },
    fields: { kind: 'text', nullable: false },
    version: { kind: 'int', nullable: false, default: { value: 1 } },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface AttributeMappingRow {
  directoryId: string;
  fields: string;
  version: number;
  updatedAt: Date;
}

export interface AttributeMappingInsert {
  directoryId: string;
  fields: string;
  version?: number;
  updatedAt?: Date;
}

export const AttributeRemapJob = {
  name: 'AttributeRemapJob',
  columns: {
    directoryId: { kind: 'text', nullable: false },
    version: { kind: 'int', nullable: false },
    status: { kind: 'text', nullable: false, default: { value: "running" } },
    total: { kind: 'int', nullable: false },
    done: { kind: 'int', nullable: false, default: { value: 0 } },
    changed: { kind: 'int', nullable: false, default: { value: 0 } },
    cursorAt: { kind: 'dateTime', nullable: true },
    cursorId: { kind: 'text', nullable: false, default: { value: "" } },
    startedAt: { kind: 'dateTime', nullable: false, default: 'now' },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'now' },
    finishedAt: { kind: 'dateTime', nullable: true },
  },
} as const satisfies TableDef;

export interface AttributeRemapJobRow {
  directoryId: string;
  version: number;
  status: string;
  total: number;
  done: number;
  changed: number;
  cursorAt: Date | null;
  cursorId: string;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface AttributeRemapJobInsert {
  directoryId: string;
  version: number;
  status?: string;
  total: number;
  done?: number;
  changed?: number;
  cursorAt: Date | null;
  cursorId?: string;
  startedAt?: Date;
  updatedAt?: Date;
  finishedAt: Date | null;
}

export const DirectoryToken = {
  name: 'DirectoryToken',
  columns: {
    id: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
    hash: { kind: 'text', nullable: false },
    lastFour: { kind: 'text', nullable: false },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
    expiresAt: { kind: 'dateTime', nullable: true },
    lastUsedAt: { kind: 'dateTime', nullable: true },
    revokedAt: { kind: 'dateTime', nullable: true },
  },
} as const satisfies TableDef;

export interface DirectoryTokenRow {
  id: string;
  directoryId: string;
  hash: string;
  lastFour: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface DirectoryTokenInsert {
  id: string;
  directoryId: string;
  hash: string;
  lastFour: string;
  createdAt?: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const DirectoryUser = {
  name: 'DirectoryUser',
  columns: {
    id: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
    externalId: { kind: 'text', nullable: true },
    userName: { kind: 'text', nullable: false },
    userNameLower: { kind: 'text', nullable: false },
    displayNameLower: { kind: 'text', nullable: true },
    givenNameLower: { kind: 'text', nullable: true },
    familyNameLower: { kind: 'text', nullable: true },
    titleLower: { kind: 'text', nullable: true },
    emailLower: { kind: 'text', nullable: true },
    employeeNumber: { kind: 'text', nullable: true },
    managerId: { kind: 'text', nullable: true },
    active: { kind: 'boolean', nullable: false, default: { value: true } },
    deactivatedAt: { kind: 'dateTime', nullable: true },
    removedAt: { kind: 'dateTime', nullable: true },
    raw: { kind: 'text', nullable: false },
    customAttributes: { kind: 'text', nullable: true },
    attributeWarnings: { kind: 'text', nullable: true },
    mappingVersion: { kind: 'int', nullable: false, default: { value: 0 } },
    version: { kind: 'int', nullable: false, default: { value: 1 } },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
  },
} as const satisfies TableDef;

export interface DirectoryUserRow {
  id: string;
  directoryId: string;
  externalId: string | null;
  userName: string;
  userNameLower: string;
  displayNameLower: string | null;
  givenNameLower: string | null;
  familyNameLower: string | null;
  titleLower: string | null;
  emailLower: string | null;
  employeeNumber: string | null;
  managerId: string | null;
  active: boolean;
  deactivatedAt: Date | null;
  removedAt: Date | null;
  raw: string;
  customAttributes: string | null;
  attributeWarnings: string | null;
  mappingVersion: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DirectoryUserInsert {
  id: string;
  directoryId: string;
  externalId: string | null;
  userName: string;
  userNameLower: string;
  displayNameLower: string | null;
  givenNameLower: string | null;
  familyNameLower: string | null;
  titleLower: string | null;
  emailLower: string | null;
  employeeNumber: string | null;
  managerId: string | null;
  active?: boolean;
  deactivatedAt: Date | null;
  removedAt: Date | null;
  raw: string;
  customAttributes: string | null;
  attributeWarnings: string | null;
  mappingVersion?: number;
  version?: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export const UserEmail = {
  name: 'UserEmail',
  columns: {
    id: { kind: 'int', nullable: false, default: 'autoincrement' },
    userId: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
    valueLower: { kind: 'text', nullable: false },
    type: { kind: 'text', nullable: true },
    primary: { kind: 'boolean', nullable: false, default: { value: false } },
  },
} as const satisfies TableDef;

export interface UserEmailRow {
  id: number;
  userId: string;
  directoryId: string;
  valueLower: string;
  type: string | null;
  primary: boolean;
}

export interface UserEmailInsert {
  id?: number;
  userId: string;
  directoryId: string;
  valueLower: string;
  type: string | null;
  primary?: boolean;
}

export const DirectoryGroup = {
  name: 'DirectoryGroup',
  columns: {
    id: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
    externalId: { kind: 'text', nullable: true },
    displayName: { kind: 'text', nullable: false },
    displayNameLower: { kind: 'text', nullable: false },
    raw: { kind: 'text', nullable: false },
    version: { kind: 'int', nullable: false, default: { value: 1 } },
    selected: { kind: 'boolean', nullable: false, default: { value: true } },
    syncCursor: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
    memberCount: { kind: 'int', nullable: false, default: { value: 0 } },
  },
} as const satisfies TableDef;

export interface DirectoryGroupRow {
  id: string;
  directoryId: string;
  externalId: string | null;
  displayName: string;
  displayNameLower: string;
  raw: string;
  version: number;
  selected: boolean;
  syncCursor: string | null;
  createdAt: Date;
  updatedAt: Date;
  memberCount: number;
}

export interface DirectoryGroupInsert {
  id: string;
  directoryId: string;
  externalId: string | null;
  displayName: string;
  displayNameLower: string;
  raw: string;
  version?: number;
  selected?: boolean;
  syncCursor: string | null;
  createdAt?: Date;
  updatedAt?: Date;
  memberCount?: number;
}

export const GroupSelectionJob = {
  name: 'GroupSelectionJob',
  columns: {
    directoryId: { kind: 'text', nullable: false },
    status: { kind: 'text', nullable: false },
    mode: { kind: 'text', nullable: false },
    groupIds: { kind: 'text', nullable: false },
    queue: { kind: 'text', nullable: false },
    done: { kind: 'int', nullable: false, default: { value: 0 } },
    total: { kind: 'int', nullable: false },
    actor: { kind: 'text', nullable: false },
    startedAt: { kind: 'dateTime', nullable: false, default: 'now' },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
    finishedAt: { kind: 'dateTime', nullable: true },
  },
} as const satisfies TableDef;

export interface GroupSelectionJobRow {
  directoryId: string;
  status: string;
  mode: string;
  groupIds: string;
  queue: string;
  done: number;
  total: number;
  actor: string;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface GroupSelectionJobInsert {
  directoryId: string;
  status: string;
  mode: string;
  groupIds: string;
  queue: string;
  done?: number;
  total: number;
  actor: string;
  startedAt?: Date;
  updatedAt?: Date;
  finishedAt: Date | null;
}

export const GroupMembership = {
  name: 'GroupMembership',
  columns: {
    groupId: { kind: 'text', nullable: false },
    userId: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
    display: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface GroupMembershipRow {
  groupId: string;
  userId: string;
  directoryId: string;
  display: string | null;
  createdAt: Date;
}

export interface GroupMembershipInsert {
  groupId: string;
  userId: string;
  directoryId: string;
  display: string | null;
  createdAt?: Date;
}

export const ScimRequestLog = {
  name: 'ScimRequestLog',
  columns: {
    id: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
    method: { kind: 'text', nullable: false },
    path: { kind: 'text', nullable: false },
    status: { kind: 'int', nullable: false },
    durationMs: { kind: 'int', nullable: false },
    resource: { kind: 'text', nullable: true },
    requestBody: { kind: 'text', nullable: true },
    responseBody: { kind: 'text', nullable: true },
    userId: { kind: 'text', nullable: true },
    userNameLower: { kind: 'text', nullable: true },
    emailLower: { kind: 'text', nullable: true },
    externalId: { kind: 'text', nullable: true },
    error: { kind: 'text', nullable: true },
    decision: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface ScimRequestLogRow {
  id: string;
  directoryId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  resource: string | null;
  requestBody: string | null;
  responseBody: string | null;
  userId: string | null;
  userNameLower: string | null;
  emailLower: string | null;
  externalId: string | null;
  error: string | null;
  decision: string | null;
  createdAt: Date;
}

export interface ScimRequestLogInsert {
  id: string;
  directoryId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  resource: string | null;
  requestBody: string | null;
  responseBody: string | null;
  userId: string | null;
  userNameLower: string | null;
  emailLower: string | null;
  externalId: string | null;
  error: string | null;
  decision: string | null;
  createdAt?: Date;
}

export const Role = {
  name: 'Role',
  columns: {
    id: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    key: { kind: 'text', nullable: false },
    name: { kind: 'text', nullable: false },
    description: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface RoleRow {
  id: string;
  hostId: string;
  key: string;
  name: string;
  description: string | null;
  createdAt: Date;
}

export interface RoleInsert {
  id: string;
  hostId: string;
  key: string;
  name: string;
  description: string | null;
  createdAt?: Date;
}

export const RoleMapping = {
  name: 'RoleMapping',
  columns: {
    directoryId: { kind: 'text', nullable: false },
    groupId: { kind: 'text', nullable: false },
    roleId: { kind: 'text', nullable: false },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface RoleMappingRow {
  directoryId: string;
  groupId: string;
  roleId: string;
  createdAt: Date;
}

export interface RoleMappingInsert {
  directoryId: string;
  groupId: string;
  roleId: string;
  createdAt?: Date;
}

export const UserRole = {
  name: 'UserRole',
  columns: {
    userId: { kind: 'text', nullable: false },
    roleId: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
  },
} as const satisfies TableDef;

export interface UserRoleRow {
  userId: string;
  roleId: string;
  directoryId: string;
}

export interface UserRoleInsert {
  userId: string;
  roleId: string;
  directoryId: string;
}

export const Event = {
  name: 'Event',
  columns: {
    seq: { kind: 'int', nullable: false, default: 'autoincrement' },
    id: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    organizationId: { kind: 'text', nullable: true },
    directoryId: { kind: 'text', nullable: true },
    type: { kind: 'text', nullable: false },
    data: { kind: 'text', nullable: false },
    previousAttributes: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface EventRow {
  seq: number;
  id: string;
  hostId: string;
  organizationId: string | null;
  directoryId: string | null;
  type: string;
  data: string;
  previousAttributes: string | null;
  createdAt: Date;
}

export interface EventInsert {
  seq?: number;
  id: string;
  hostId: string;
  organizationId: string | null;
  directoryId: string | null;
  type: string;
  data: string;
  previousAttributes: string | null;
  createdAt?: Date;
}

export const EventRetention = {
  name: 'EventRetention',
  columns: {
    hostId: { kind: 'text', nullable: false },
    purgedThroughSeq: { kind: 'int', nullable: false },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
  },
} as const satisfies TableDef;

export interface EventRetentionRow {
  hostId: string;
  purgedThroughSeq: number;
  updatedAt: Date;
}

export interface EventRetentionInsert {
  hostId: string;
  purgedThroughSeq: number;
  updatedAt?: Date;
}

export const WebhookEndpoint = {
  name: 'WebhookEndpoint',
  columns: {
    id: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    url: { kind: 'text', nullable: false },
    events: { kind: 'text', nullable: false },
    secret: { kind: 'text', nullable: false },
    enabled: { kind: 'boolean', nullable: false, default: { value: true } },
    position: { kind: 'int', nullable: false, default: { value: 0 } },
    disabledAt: { kind: 'dateTime', nullable: true },
    disabledReason: { kind: 'text', nullable: true },
    failingSince: { kind: 'dateTime', nullable: true },
    everDelivered: { kind: 'boolean', nullable: false, default: { value: false } },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
    updatedAt: { kind: 'dateTime', nullable: false, default: 'updatedAt' },
  },
} as const satisfies TableDef;

export interface WebhookEndpointRow {
  id: string;
  hostId: string;
  url: string;
  events: string;
  secret: string;
  enabled: boolean;
  position: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  everDelivered: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookEndpointInsert {
  id: string;
  hostId: string;
  url: string;
  events: string;
  secret: string;
  enabled?: boolean;
  position?: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  everDelivered?: boolean;
  createdAt?: Date;
  updatedAt?: Date;
}

export const WebhookLane = {
  name: 'WebhookLane',
  columns: {
    id: { kind: 'text', nullable: false },
    endpointId: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: false },
    queued: { kind: 'int', nullable: false, default: { value: 0 } },
    nextAttemptAt: { kind: 'dateTime', nullable: true },
    leaseToken: { kind: 'text', nullable: true },
    updatedAt: { kind: 'dateTime', nullable: false },
  },
} as const satisfies TableDef;

export interface WebhookLaneRow {
  id: string;
  endpointId: string;
  directoryId: string;
  queued: number;
  nextAttemptAt: Date | null;
  leaseToken: string | null;
  updatedAt: Date;
}

export interface WebhookLaneInsert {
  id: string;
  endpointId: string;
  directoryId: string;
  queued?: number;
  nextAttemptAt: Date | null;
  leaseToken: string | null;
  updatedAt: Date;
}

export const WebhookDelivery = {
  name: 'WebhookDelivery',
  columns: {
    id: { kind: 'text', nullable: false },
    endpointId: { kind: 'text', nullable: false },
    eventSeq: { kind: 'int', nullable: false },
    eventId: { kind: 'text', nullable: false },
    directoryId: { kind: 'text', nullable: true },
    status: { kind: 'text', nullable: false, default: { value: "pending" } },
    attempts: { kind: 'int', nullable: false, default: { value: 0 } },
    nextAttemptAt: { kind: 'dateTime', nullable: false, default: 'now' },
    lastStatus: { kind: 'int', nullable: true },
    lastError: { kind: 'text', nullable: true },
    lastLatencyMs: { kind: 'int', nullable: true },
    deliveredAt: { kind: 'dateTime', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface WebhookDeliveryRow {
  id: string;
  endpointId: string;
  eventSeq: number;
  eventId: string;
  directoryId: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface WebhookDeliveryInsert {
  id: string;
  endpointId: string;
  eventSeq: number;
  eventId: string;
  directoryId: string | null;
  status?: string;
  attempts?: number;
  nextAttemptAt?: Date;
  lastStatus: number | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  deliveredAt: Date | null;
  createdAt?: Date;
}

export const WebhookAttempt = {
  name: 'WebhookAttempt',
  columns: {
    id: { kind: 'text', nullable: false },
    deliveryId: { kind: 'text', nullable: false },
    attempt: { kind: 'int', nullable: false },
    statusCode: { kind: 'int', nullable: true },
    latencyMs: { kind: 'int', nullable: true },
    error: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface WebhookAttemptRow {
  id: string;
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  createdAt: Date;
}

export interface WebhookAttemptInsert {
  id: string;
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  latencyMs: number | null;
  error: string | null;
  createdAt?: Date;
}

export const PortalLink = {
  name: 'PortalLink',
  columns: {
    id: { kind: 'text', nullable: false },
    organizationId: { kind: 'text', nullable: false },
    tokenHash: { kind: 'text', nullable: false },
    features: { kind: 'text', nullable: false },
    returnUrl: { kind: 'text', nullable: true },
    operatorId: { kind: 'text', nullable: true },
    expiresAt: { kind: 'dateTime', nullable: false },
    usedAt: { kind: 'dateTime', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface PortalLinkRow {
  id: string;
  organizationId: string;
  tokenHash: string;
  features: string;
  returnUrl: string | null;
  operatorId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

export interface PortalLinkInsert {
  id: string;
  organizationId: string;
  tokenHash: string;
  features: string;
  returnUrl: string | null;
  operatorId: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt?: Date;
}

export const PortalSession = {
  name: 'PortalSession',
  columns: {
    id: { kind: 'text', nullable: false },
    organizationId: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    tokenHash: { kind: 'text', nullable: false },
    features: { kind: 'text', nullable: false },
    returnUrl: { kind: 'text', nullable: true },
    operatorId: { kind: 'text', nullable: true },
    expiresAt: { kind: 'dateTime', nullable: false },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface PortalSessionRow {
  id: string;
  organizationId: string;
  hostId: string;
  tokenHash: string;
  features: string;
  returnUrl: string | null;
  operatorId: string | null;
  expiresAt: Date;
  createdAt: Date;
}

export interface PortalSessionInsert {
  id: string;
  organizationId: string;
  hostId: string;
  tokenHash: string;
  features: string;
  returnUrl: string | null;
  operatorId: string | null;
  expiresAt: Date;
  createdAt?: Date;
}

export const Operator = {
  name: 'Operator',
  columns: {
    id: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    email: { kind: 'text', nullable: false },
    passwordHash: { kind: 'text', nullable: false },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface OperatorRow {
  id: string;
  hostId: string;
  email: string;
  passwordHash: string;
  createdAt: Date;
}

export interface OperatorInsert {
  id: string;
  hostId: string;
  email: string;
  passwordHash: string;
  createdAt?: Date;
}

export const OperatorSession = {
  name: 'OperatorSession',
  columns: {
    id: { kind: 'text', nullable: false },
    operatorId: { kind: 'text', nullable: false },
    expiresAt: { kind: 'dateTime', nullable: false },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface OperatorSessionRow {
  id: string;
  operatorId: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface OperatorSessionInsert {
  id: string;
  operatorId: string;
  expiresAt: Date;
  createdAt?: Date;
}

export const SignInThrottle = {
  name: 'SignInThrottle',
  columns: {
    key: { kind: 'text', nullable: false },
    failures: { kind: 'int', nullable: false },
    lastFailedAt: { kind: 'dateTime', nullable: false },
    blockedUntil: { kind: 'dateTime', nullable: false },
  },
} as const satisfies TableDef;

export interface SignInThrottleRow {
  key: string;
  failures: number;
  lastFailedAt: Date;
  blockedUntil: Date;
}

export interface SignInThrottleInsert {
  key: string;
  failures: number;
  lastFailedAt: Date;
  blockedUntil: Date;
}

export const AuditLog = {
  name: 'AuditLog',
  columns: {
    id: { kind: 'text', nullable: false },
    hostId: { kind: 'text', nullable: false },
    organizationId: { kind: 'text', nullable: true },
    actor: { kind: 'text', nullable: false },
    action: { kind: 'text', nullable: false },
    target: { kind: 'text', nullable: true },
    details: { kind: 'text', nullable: true },
    createdAt: { kind: 'dateTime', nullable: false, default: 'now' },
  },
} as const satisfies TableDef;

export interface AuditLogRow {
  id: string;
  hostId: string;
  organizationId: string | null;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
  createdAt: Date;
}

export interface AuditLogInsert {
  id: string;
  hostId: string;
  organizationId: string | null;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
  createdAt?: Date;
}

export const RateLimitWindow = {
  name: 'RateLimitWindow',
  columns: {
    key: { kind: 'text', nullable: false },
    windowStart: { kind: 'int', nullable: false },
    count: { kind: 'int', nullable: false, default: { value: 0 } },
  },
} as const satisfies TableDef;

export interface RateLimitWindowRow {
  key: string;
  windowStart: number;
  count: number;
}

export interface RateLimitWindowInsert {
  key: string;
  windowStart: number;
  count?: number;
}

export const TABLES = { Host, HostUserSchema, HostFieldIndex, HostFieldIndexUse, ApiKey, Organization, OrganizationPolicy, OrganizationSeats, Directory, AttributeMapping, AttributeRemapJob, DirectoryToken, DirectoryUser, UserEmail, DirectoryGroup, GroupSelectionJob, GroupMembership, ScimRequestLog, Role, RoleMapping, UserRole, Event, EventRetention, WebhookEndpoint, WebhookLane, WebhookDelivery, WebhookAttempt, PortalLink, PortalSession, Operator, OperatorSession, SignInThrottle, AuditLog, RateLimitWindow } as const;

/** Each table's row type, by table name. */
export interface Rows {
  Host: HostRow;
  HostUserSchema: HostUserSchemaRow;
  HostFieldIndex: HostFieldIndexRow;
  HostFieldIndexUse: HostFieldIndexUseRow;
  ApiKey: ApiKeyRow;
  Organization: OrganizationRow;
  OrganizationPolicy: OrganizationPolicyRow;
  OrganizationSeats: OrganizationSeatsRow;
  Directory: DirectoryRow;
  AttributeMapping: AttributeMappingRow;
  AttributeRemapJob: AttributeRemapJobRow;
  DirectoryToken: DirectoryTokenRow;
  DirectoryUser: DirectoryUserRow;
  UserEmail: UserEmailRow;
  DirectoryGroup: DirectoryGroupRow;
  GroupSelectionJob: GroupSelectionJobRow;
  GroupMembership: GroupMembershipRow;
  ScimRequestLog: ScimRequestLogRow;
  Role: RoleRow;
  RoleMapping: RoleMappingRow;
  UserRole: UserRoleRow;
  Event: EventRow;
  EventRetention: EventRetentionRow;
  WebhookEndpoint: WebhookEndpointRow;
  WebhookLane: WebhookLaneRow;
  WebhookDelivery: WebhookDeliveryRow;
  WebhookAttempt: WebhookAttemptRow;
  PortalLink: PortalLinkRow;
  PortalSession: PortalSessionRow;
  Operator: OperatorRow;
  OperatorSession: OperatorSessionRow;
  SignInThrottle: SignInThrottleRow;
  AuditLog: AuditLogRow;
  RateLimitWindow: RateLimitWindowRow;
}

/** What an INSERT into each table supplies, by table name. */
export interface Inserts {
  Host: HostInsert;
  HostUserSchema: HostUserSchemaInsert;
  HostFieldIndex: HostFieldIndexInsert;
  HostFieldIndexUse: HostFieldIndexUseInsert;
  ApiKey: ApiKeyInsert;
  Organization: OrganizationInsert;
  OrganizationPolicy: OrganizationPolicyInsert;
  OrganizationSeats: OrganizationSeatsInsert;
  Directory: DirectoryInsert;
  AttributeMapping: AttributeMappingInsert;
  AttributeRemapJob: AttributeRemapJobInsert;
  DirectoryToken: DirectoryTokenInsert;
  DirectoryUser: DirectoryUserInsert;
  UserEmail: UserEmailInsert;
  DirectoryGroup: DirectoryGroupInsert;
  GroupSelectionJob: GroupSelectionJobInsert;
  GroupMembership: GroupMembershipInsert;
  ScimRequestLog: ScimRequestLogInsert;
  Role: RoleInsert;
  RoleMapping: RoleMappingInsert;
  UserRole: UserRoleInsert;
  Event: EventInsert;
  EventRetention: EventRetentionInsert;
  WebhookEndpoint: WebhookEndpointInsert;
  WebhookLane: WebhookLaneInsert;
  WebhookDelivery: WebhookDeliveryInsert;
  WebhookAttempt: WebhookAttemptInsert;
  PortalLink: PortalLinkInsert;
  PortalSession: PortalSessionInsert;
  Operator: OperatorInsert;
  OperatorSession: OperatorSessionInsert;
  SignInThrottle: SignInThrottleInsert;
  AuditLog: AuditLogInsert;
  RateLimitWindow: RateLimitWindowInsert;
}
