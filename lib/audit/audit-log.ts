// The audit log of admin actions, written in the same transaction as the action. Details never hold a secret:
// only ids, names and last four characters.
import { columns, decode, insertOp } from '../db/rows';
import type { AuditLogRow } from '../db/schema';
import { all, changes, type SqlEnv, type SqlProgram, type SqlValue } from '../db/sql-program';
import { beforeKey } from '../directory/keyset';
import { newLogId } from '../ids';

export const AUDIT_ACTIONS = [
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'organization.external_id_cleared',
  'organization.policy_changed',
  'directory.created',
  'directory.renamed',
  'directory.deleted',
  'directory.status_changed',
  'token.created',
  'token.revoked',
  'role.created',
  'role.updated',
  'role.deleted',
  'role_mappings.changed',
  'user_schema.updated',
  'group_selection.changed',
  'attribute_mapping.changed',
  'portal_link.created',
  'portal_link.used',
  'portal_sessions.ended',
  'api_key.created',
  'api_key.revoked',
  'webhook_endpoint.created',
  'webhook_endpoint.secret_rotated',
  'webhook_endpoint.enabled',
  'operator.created',
  'operator.removed',
  'operator.signed_out',
] as const;

type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  hostId: string;
  organizationId?: string | null;
  /** Who: `api-key:<id>`, `portal:<org>`, `operator:<id>` (in the dashboard, or in a portal it opened), `cli`. */
  actor: string;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** The one writer of AuditLog: an entry, in the transaction of the action it records. */
export function* auditSql(env: SqlEnv, e: AuditEntry): SqlProgram<void> {
  const row = {
    id: newLogId('aud'),
    hostId: e.hostId,
    organizationId: e.organizationId ?? null,
    actor: e.actor,
    action: e.action,
    target: e.target ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
  };
  yield* changes(insertOp(env.dialect, 'AuditLog', [row]));
}

export interface AuditFilter {
  /** Any of these actions. */
  actions?: readonly string[];
  actor?: string;
  organizationId?: string;
  /** Before this row (createdAt, id): the next page, newest first. */
  before?: { createdAt: Date; id: string } | null;
}

/** A page of the host's audit log, newest first; each filter is served by an index of its own (migration 0006). */
export function* listAudit(
  env: SqlEnv,
  { hostId, take = 50, actions, actor, organizationId, before }: AuditFilter & { hostId: string; take?: number },
): SqlProgram<AuditLogRow[]> {
  const conds = ['"hostId" = ?'];
  const params: SqlValue[] = [hostId];
  if (actions) {
    const [inActions, list] = env.dialect.inList('"action"', actions);
    conds.push(inActions);
    params.push(list);
  }
  if (actor) {
    conds.push('"actor" = ?');
    params.push(actor);
  }
  if (organizationId) {
    conds.push('"organizationId" = ?');
    params.push(organizationId);
  }
  if (before) conds.push(beforeKey('"AuditLog"', before, params));
  const rows = yield* all(`SELECT ${columns('AuditLog')} FROM "AuditLog" WHERE ${conds.join(' AND ')} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`, [
    ...params,
    take,
  ]);
  return rows.map((r) => decode('AuditLog', r));
}
