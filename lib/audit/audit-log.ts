// The audit log of admin actions (token minted or revoked, mapping changed, portal link used, API key created),
// written in the same transaction as the action. Details never hold a secret: only ids and last four characters.
import type { Tx } from '../db/client';
import { newLogId } from '../ids';

export type AuditAction =
  | 'api_key.created'
  | 'api_key.revoked'
  | 'directory.created'
  | 'directory.deleted'
  | 'directory.status_changed'
  | 'token.created'
  | 'token.revoked'
  | 'role_mappings.changed'
  | 'portal_link.created'
  | 'portal_link.used'
  | 'webhook_endpoint.created'
  | 'webhook_endpoint.secret_rotated'
  | 'organization.deleted'
  | 'operator.removed'
  | 'operator.signed_out'
  | 'portal_sessions.ended'
  | 'webhook_endpoint.enabled';

export interface AuditEntry {
  hostId: string;
  organizationId?: string | null;
  /** Who: `api-key:<id>`, `portal:<org>`, `operator:<id>`, `cli`. */
  actor: string;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      id: newLogId('aud'),
      hostId: e.hostId,
      organizationId: e.organizationId ?? null,
      actor: e.actor,
      action: e.action,
      target: e.target ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
    },
  });
}

export function listAudit(db: Tx, { hostId, take = 100 }: { hostId: string; take?: number }) {
  return db.auditLog.findMany({ where: { hostId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take });
}
